package com.saldo.backoffice.console;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Wires the console: its settings and the filter in front of its pages. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleConfiguration {

  @Bean
  FilterRegistrationBean<ConsoleFilter> consoleFilter(
      ConsoleSessions sessions, ConsoleProperties properties) {
    FilterRegistrationBean<ConsoleFilter> bean =
        new FilterRegistrationBean<>(new ConsoleFilter(sessions, properties));
    bean.addUrlPatterns("/console", "/console/*");
    // after the request id and the body limit, before anything that reads the request
    bean.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return bean;
  }
}
