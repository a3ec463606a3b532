package com.saldo.gateway;

import com.saldo.identity.IdentityToken;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.io.IOException;
import java.time.Clock;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/** The gateway: the one door to Saldo. */
@SpringBootApplication
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayApplication {

  public static void main(String[] args) {
    SpringApplication.run(GatewayApplication.class, args);
  }

  /** One client, so connections to the backends are pooled and kept alive. */
  @Bean(destroyMethod = "close")
  CloseableHttpClient backendClient(GatewayProperties properties) {
    return Upstream.client(properties);
  }

  /** Every {@code /v1} path goes to the proxy's own servlet, past Spring MVC's dispatcher. */
  @Bean
  ServletRegistrationBean<ProxyServlet> proxyServlet(Proxy proxy) throws IOException {
    ServletRegistrationBean<ProxyServlet> registration =
        new ServletRegistrationBean<>(new ProxyServlet(proxy), "/v1/*");
    registration.setName("proxy");
    registration.setLoadOnStartup(1);
    return registration;
  }

  /**
   * The operators' console, {@code /console} and below, relayed to the backoffice, which signs its
   * pages in and checks them itself.
   */
  @Bean
  ServletRegistrationBean<ConsoleRelay> consoleRelay(
      CloseableHttpClient backendClient, Backends backends, TracePropagation traces) {
    ServletRegistrationBean<ConsoleRelay> registration =
        new ServletRegistrationBean<>(
            new ConsoleRelay(backendClient, backends, traces), "/console", "/console/*");
    registration.setName("console");
    return registration;
  }

  @Bean
  Backends backends(GatewayProperties properties) {
    return new Backends(properties.backends(), properties.ejectionTime());
  }

  @Bean
  ApiKeyCredentials apiKeyCredentials(
      CloseableHttpClient backendClient,
      Backends backends,
      IdentityToken tokens,
      GatewayProperties properties,
      TracePropagation traces) {
    return new ApiKeyCredentials(
        backendClient, backends, tokens, properties, System::nanoTime, traces);
  }

  @Bean
  TracePropagation tracePropagation(
      ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    return new TracePropagation(tracer.getIfAvailable(), propagator.getIfAvailable());
  }

  @Bean
  JwtCredentials jwtCredentials(GatewayProperties properties) {
    return new JwtCredentials(properties);
  }

  @Bean
  RateLimiter rateLimiter(GatewayProperties properties) {
    return new RateLimiter(System::nanoTime, properties.credentialCacheSizeMax());
  }

  @Bean
  FailedAuthentications failedAuthentications(GatewayProperties properties) {
    return new FailedAuthentications(
        new RateLimiter(System::nanoTime, properties.credentialCacheSizeMax()),
        properties.failedAuthenticationsPerSecond(),
        properties.failedAuthenticationsBurst());
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
