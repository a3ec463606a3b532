package com.saldo.telemetry;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Sends spans over OTLP/HTTP to {@code management.opentelemetry.tracing.export.otlp.endpoint},
 * decided when the service starts rather than when it was built.
 *
 * <p>Spring Boot creates its OTLP exporter only if that property is set, a condition that Spring
 * AOT evaluates once, in the build, where no collector is configured: an image processed ahead of
 * time would then ignore the endpoint its deployment names. This exporter exists in every build and
 * reads the property at start; without an endpoint it drops spans. Where Spring Boot did create its
 * own exporter (a run without AOT, the endpoint set), this one steps aside.
 */
@AutoConfiguration(
    afterName =
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration")
public class TracesExportAutoConfiguration {

  /** How long one export may take before its spans are dropped. */
  static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(10);

  @Bean
  @ConditionalOnMissingBean({OtlpHttpSpanExporter.class, OtlpGrpcSpanExporter.class})
  SpanExporter saldoOtlpSpanExporter(
      @Value("${management.opentelemetry.tracing.export.otlp.endpoint:}") String endpoint) {
    if (endpoint.isBlank()) {
      return SpanExporter.composite();
    }
    return OtlpHttpSpanExporter.builder()
        .setEndpoint(endpoint.strip())
        .setTimeout(EXPORT_TIMEOUT)
        .build();
  }
}
