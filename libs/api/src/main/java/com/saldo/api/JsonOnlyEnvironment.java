package com.saldo.api;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns off Spring's form-content filter in every service, as a default a service may still
 * override. The API takes JSON only, and the filter would decode a form-encoded PUT, PATCH or
 * DELETE body before anything of Saldo's runs, answering 500 for a malformed escape in it ({@code
 * a=%}); without it such a body reaches {@link JsonBodies} and is a 415.
 */
public final class JsonOnlyEnvironment implements EnvironmentPostProcessor {

  static final String FORM_FILTER = "spring.mvc.formcontent.filter.enabled";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    environment
        .getPropertySources()
        .addLast(new MapPropertySource("saldo-api-defaults", Map.of(FORM_FILTER, "false")));
  }
}
