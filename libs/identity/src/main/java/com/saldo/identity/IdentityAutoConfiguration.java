package com.saldo.identity;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controllers take a {@link CallerIdentity} parameter. */
@AutoConfiguration
public class IdentityAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  IdentityVerifier identityVerifier() {
    return new TrustedHeaderVerifier();
  }

  @Bean
  WebMvcConfigurer callerIdentityArguments(IdentityVerifier verifier) {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerIdentityResolver(verifier));
      }
    };
  }
}
