package com.saldo.gateway;

import com.saldo.identity.IdentityToken;
import java.time.Clock;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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

  @Bean
  Backends backends(GatewayProperties properties) {
    return new Backends(properties.backends(), properties.ejectionTime());
  }

  @Bean
  ApiKeyCredentials apiKeyCredentials(
      CloseableHttpClient backendClient,
      Backends backends,
      IdentityToken tokens,
      GatewayProperties properties) {
    return new ApiKeyCredentials(backendClient, backends, tokens, properties, System::nanoTime);
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
  Clock clock() {
    return Clock.systemUTC();
  }
}
