package com.saldo.identity;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets controllers take a {@link CallerIdentity} parameter, verified from the token the gateway
 * signed with {@code saldo.identity.key}. A service without the key does not start.
 */
@AutoConfiguration
public class IdentityAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  IdentityToken identityToken(@Value("${saldo.identity.key:}") String key) {
    return new IdentityToken(IdentityToken.decodeKey(key), Clock.systemUTC());
  }

  @Bean
  @ConditionalOnMissingBean
  IdentityVerifier identityVerifier(IdentityToken tokens) {
    return new SignedIdentityVerifier(tokens);
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
