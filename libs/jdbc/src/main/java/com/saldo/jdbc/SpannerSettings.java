package com.saldo.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code SALDO_DATABASE=spanner} and the {@code SALDO_SPANNER_*} settings into the datasource
 * a service opens: the Spanner JDBC driver's URL for the PostgreSQL dialect, with the driver's own
 * retry of aborted transactions off (the {@link Database}'s caller retries a transaction as a
 * whole, so no answer comes from a replay). Credentials are Google's usual ones (the workload's
 * service account, or {@code GOOGLE_APPLICATION_CREDENTIALS}); with {@code
 * SALDO_SPANNER_EMULATOR_HOST} (or Google's {@code SPANNER_EMULATOR_HOST}) the driver talks to an
 * emulator in plain text and creates the instance and the database there if they are missing. With
 * any other database setting this does nothing.
 */
public final class SpannerSettings implements EnvironmentPostProcessor, Ordered {

  /** The driver's class. */
  public static final String DRIVER = "com.google.cloud.spanner.jdbc.JdbcDriver";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!"spanner".equals(environment.getProperty("saldo.database", "postgresql"))) {
      return;
    }
    // each missing setting named in the order they are read: project, instance, database
    required(environment, "saldo.spanner.project", "SALDO_SPANNER_PROJECT");
    required(environment, "saldo.spanner.instance", "SALDO_SPANNER_INSTANCE");
    String url =
        url(environment, required(environment, "saldo.spanner.database", "SALDO_SPANNER_DATABASE"));
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("saldo-spanner", properties(url)));
  }

  /**
   * The settings a service on Spanner runs with: the driver and its URL, the only schema Spanner
   * knows ({@code public}) instead of a service's PostgreSQL schema, a statement timeout in the
   * driver's own words instead of PostgreSQL's session settings, and no Flyway.
   */
  public static Map<String, Object> properties(String url) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("saldo.database", "spanner");
    settings.put("spring.datasource.url", url);
    settings.put("spring.datasource.driver-class-name", DRIVER);
    settings.put("spring.datasource.username", "");
    settings.put("spring.datasource.password", "");
    settings.put("spring.datasource.hikari.schema", "public");
    settings.put("spring.datasource.hikari.connection-init-sql", "SET STATEMENT_TIMEOUT = '15s'");
    settings.put("spring.flyway.enabled", "false");
    return settings;
  }

  /**
   * The JDBC URL of a Spanner database in the PostgreSQL dialect; {@code emulatorHost} is the
   * emulator's {@code host:port}, or null for Google's endpoint.
   */
  public static String url(String project, String instance, String database, String emulatorHost) {
    StringBuilder url = new StringBuilder("jdbc:cloudspanner:");
    if (emulatorHost != null) {
      url.append("//").append(emulatorHost);
    }
    url.append("/projects/")
        .append(project)
        .append("/instances/")
        .append(instance)
        .append("/databases/")
        .append(database)
        .append(";dialect=POSTGRESQL;retryAbortsInternally=false");
    if (emulatorHost != null) {
      url.append(";autoConfigEmulator=true");
    }
    return url.toString();
  }

  /**
   * The JDBC URL of another database of the same instance, as the settings name the instance and
   * the emulator: for a service that reads a contract view in the database of the service that owns
   * it.
   */
  public static String url(Environment environment, String database) {
    String emulator =
        environment.getProperty(
            "saldo.spanner.emulator-host", environment.getProperty("SPANNER_EMULATOR_HOST", ""));
    return url(
        required(environment, "saldo.spanner.project", "SALDO_SPANNER_PROJECT"),
        required(environment, "saldo.spanner.instance", "SALDO_SPANNER_INSTANCE"),
        database,
        emulator.isBlank() ? null : emulator);
  }

  private static String required(Environment environment, String key, String variable) {
    String value = environment.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "SALDO_DATABASE=spanner needs " + variable + " (" + key + ") to be set");
    }
    return value;
  }

  /** After the configuration files and the environment are read. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
