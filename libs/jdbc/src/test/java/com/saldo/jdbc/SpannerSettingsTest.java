package com.saldo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saldo.testing.SpannerEmulator;
import com.saldo.testing.TestBackend;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** What SALDO_DATABASE=spanner turns into, and that the driver takes it. */
class SpannerSettingsTest {

  @Test
  void spannerSettingsBecomeTheDatasourceAndTheDriverTakesItsUrl() throws Exception {
    TestBackend.SPANNER.assumeAvailable();
    SpannerEmulator emulator = SpannerEmulator.get().orElseThrow();
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "test",
                Map.of(
                    "saldo.database",
                    "spanner",
                    "saldo.spanner.project",
                    SpannerEmulator.PROJECT,
                    "saldo.spanner.instance",
                    SpannerEmulator.INSTANCE,
                    "saldo.spanner.database",
                    SpannerEmulator.newDatabase(),
                    "saldo.spanner.emulator-host",
                    emulator.host(),
                    "spring.datasource.hikari.schema",
                    "ledger")));
    new SpannerSettings().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("spring.datasource.driver-class-name"))
        .isEqualTo(SpannerSettings.DRIVER);
    assertThat(environment.getProperty("spring.datasource.hikari.schema")).isEqualTo("public");
    assertThat(environment.getProperty("spring.flyway.enabled")).isEqualTo("false");
    try (Connection c =
        DriverManager.getConnection(environment.getProperty("spring.datasource.url"))) {
      c.setSchema(environment.getProperty("spring.datasource.hikari.schema"));
      try (var s = c.createStatement()) {
        s.execute(environment.getProperty("spring.datasource.hikari.connection-init-sql"));
      }
      assertThat(c.isValid(5)).isTrue();
    }
  }

  @Test
  void spannerWithoutItsDatabaseRefusesToStartAndSaysWhatIsMissing() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("test", Map.of("saldo.database", "spanner")));
    assertThatThrownBy(
            () ->
                new SpannerSettings().postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("SALDO_SPANNER_PROJECT");
  }

  @Test
  void postgresqlIsLeftAlone() {
    StandardEnvironment environment = new StandardEnvironment();
    new SpannerSettings().postProcessEnvironment(environment, new SpringApplication());
    assertThat(environment.getPropertySources().contains("saldo-spanner")).isFalse();
    assertThatThrownBy(() -> Dialect.named("oracle")).hasMessageContaining("postgresql or spanner");
  }
}
