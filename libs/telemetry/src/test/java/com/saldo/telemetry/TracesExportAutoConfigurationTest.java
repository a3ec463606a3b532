package com.saldo.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TracesExportAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(TracesExportAutoConfiguration.class));

  @Test
  void withoutAnEndpointSpansAreDropped() {
    runner.run(
        context -> {
          SpanExporter exporter = context.getBean(SpanExporter.class);
          assertThat(exporter).isNotInstanceOf(OtlpHttpSpanExporter.class);
          assertThat(exporter.getClass().getSimpleName()).isEqualTo("NoopSpanExporter");
        });
  }

  @Test
  void anEndpointSetAtStartIsUsed() {
    runner
        .withPropertyValues(
            "management.opentelemetry.tracing.export.otlp.endpoint=http://collector:4318/v1/traces")
        .run(
            context -> {
              SpanExporter exporter = context.getBean(SpanExporter.class);
              assertThat(exporter).isInstanceOf(OtlpHttpSpanExporter.class);
              assertThat(exporter.toString()).contains("http://collector:4318/v1/traces");
            });
  }

  @Test
  void stepsAsideWhereSpringBootMadeItsOwnExporter() {
    runner
        .withBean(
            OtlpHttpSpanExporter.class,
            () -> OtlpHttpSpanExporter.builder().setEndpoint("http://boot:4318/v1/traces").build())
        .run(
            context -> {
              assertThat(context.getBeansOfType(SpanExporter.class)).hasSize(1);
              assertThat(context.getBean(SpanExporter.class).toString()).contains("boot:4318");
            });
  }
}
