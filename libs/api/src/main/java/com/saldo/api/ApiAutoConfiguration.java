package com.saldo.api;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Installs the body limit in every servlet service, right after the request id. */
@AutoConfiguration(afterName = "com.saldo.problem.ProblemAutoConfiguration")
@EnableConfigurationProperties(HttpLimits.class)
public class ApiAutoConfiguration {

  @Bean
  FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(HttpLimits limits) {
    FilterRegistrationBean<BodyLimitFilter> bean =
        new FilterRegistrationBean<>(new BodyLimitFilter(limits.bodySizeMax()));
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return bean;
  }
}
