package com.saldo.jdbc;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's {@link Database}, over the datasource Spring Boot made, in the dialect {@code
 * saldo.database} names (read when the service starts, not when it is built: an image built once
 * runs on either database). On Spanner the schema is migrated by {@link SpannerSchema} before the
 * {@code Database} is handed to anyone (a service that only reads another's tables, as the query
 * service reads the ledger's views, says {@code saldo.spanner.schema: none}), and Flyway, where a
 * service has it, stands aside.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
public class DatabaseConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Database database(
      DataSource dataSource,
      @Value("${saldo.database:postgresql}") String database,
      @Value("${saldo.spanner.schema:classpath:db/spanner}") String spannerSchema) {
    Dialect dialect = Dialect.named(database);
    if (dialect == Dialect.SPANNER) {
      warm(dataSource);
      if (!spannerSchema.equals("none")) {
        SpannerSchema.migrate(dataSource, spannerSchema);
      }
    }
    return new Database(dataSource, dialect);
  }

  /**
   * Opens the pool's first connection before the service takes traffic: the Spanner driver's first
   * connection sets up its client and channels, which takes longer than the pool lets a request
   * wait for a connection.
   */
  private static void warm(DataSource dataSource) {
    long deadline = System.nanoTime() + WARM_TIMEOUT.toNanos();
    while (true) {
      try (java.sql.Connection c = dataSource.getConnection()) {
        c.isValid(10);
        return;
      } catch (java.sql.SQLException e) {
        // the pool goes on opening the connection that timed out; ask again until it is there
        if (System.nanoTime() > deadline) {
          throw Dialect.SPANNER.translate(e);
        }
      }
    }
  }

  private static final java.time.Duration WARM_TIMEOUT = java.time.Duration.ofSeconds(60);

  /** Flyway migrates PostgreSQL only; on Spanner it does nothing. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(FlywayMigrationStrategy.class)
  static class FlywayOnPostgresqlOnly {

    @Bean
    @ConditionalOnMissingBean
    FlywayMigrationStrategy flywayOnPostgresqlOnly(
        @Value("${saldo.database:postgresql}") String database) {
      return flyway -> {
        if (Dialect.named(database) == Dialect.POSTGRESQL) {
          flyway.migrate();
        }
      };
    }
  }
}
