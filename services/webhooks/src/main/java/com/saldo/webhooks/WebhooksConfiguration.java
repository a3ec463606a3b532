package com.saldo.webhooks;

import com.saldo.jdbc.Database;
import com.saldo.jdbc.Dialect;
import com.saldo.jdbc.SpannerSettings;
import com.saldo.webhooks.delivery.Dispatcher;
import com.saldo.webhooks.delivery.RetrySchedule;
import com.saldo.webhooks.delivery.http.HttpSender;
import com.saldo.webhooks.egress.SafeDnsResolver;
import com.saldo.webhooks.egress.TargetPolicy;
import com.saldo.webhooks.signing.SecretBox;
import com.saldo.webhooks.store.Endpoints;
import com.saldo.webhooks.store.Feed;
import com.saldo.webhooks.store.JdbcDeliveryStore;
import com.saldo.webhooks.store.Metrics;
import com.saldo.webhooks.store.Pruner;
import com.saldo.webhooks.store.Relay;
import com.saldo.webhooks.store.Replays;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/** The webhooks service's parts and how they connect. */
@Configuration
public class WebhooksConfiguration {

  /**
   * The database as the service's stores use it: every one of their transactions is only its
   * statements, so one that lost a race (on Spanner any may be aborted) runs again as a whole.
   */
  private static Database retrying(Database database) {
    return database.withRetries(Database.RETRIES_MAX);
  }

  @Bean
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
  }

  @Bean
  Supplier<UUID> ids() {
    return UUID::randomUUID;
  }

  @Bean
  JsonMapper eventJson() {
    return JsonMapper.builder().build();
  }

  @Bean
  SecretBox secretBox(WebhooksSettings settings) {
    return new SecretBox(settings.secretKeyBytes());
  }

  @Bean
  TargetPolicy targetPolicy(WebhooksSettings settings) {
    return new TargetPolicy(settings.allowPrivateTargets(), InetAddress::getAllByName);
  }

  @Bean
  Endpoints endpoints(Database database, SecretBox secrets) {
    return new Endpoints(retrying(database), secrets);
  }

  @Bean
  Feed feed(Database database) {
    return new Feed(retrying(database));
  }

  @Bean
  Replays replays(Database database, WebhooksSettings settings) {
    return new Replays(retrying(database), settings.replayChunk());
  }

  @Bean(destroyMethod = "close")
  HttpSender sender(TargetPolicy targets, WebhooksSettings settings, Clock clock) {
    return new HttpSender(
        new SafeDnsResolver(targets),
        settings.connectTimeout(),
        settings.totalTimeout(),
        settings.responseBytesMax(),
        settings.connectionsMax(),
        clock);
  }

  @Bean(destroyMethod = "close")
  Dispatcher dispatcher(
      Database database,
      SecretBox secrets,
      HttpSender sender,
      WebhooksSettings settings,
      Clock clock,
      MeterRegistry meters) {
    return new Dispatcher(
        JdbcDeliveryStore.of(retrying(database), secrets),
        sender,
        new RetrySchedule(
            settings.retrySchedule(),
            settings.retryJitter(),
            settings.retryAfterMax(),
            () -> ThreadLocalRandom.current().nextDouble()),
        new Dispatcher.Settings(
            settings.pollInterval(),
            settings.leaseDuration(),
            settings.concurrencyPerEndpoint(),
            settings.windowPerEndpoint(),
            settings.disableAfter()),
        clock,
        meters);
  }

  /**
   * Where the ledger's outbox view is read. On PostgreSQL it is the service's own database (the
   * view lives in the ledger's schema beside the webhooks schema); on Spanner it is the ledger's
   * database of the same instance, {@code saldo.spanner.outbox-database}
   * (SALDO_SPANNER_OUTBOX_DATABASE, {@code ledger} unless set), read only in read-only transactions
   * through a small pool of its own.
   */
  @Bean
  OutboxSource outbox(Database database, Environment environment) {
    if (database.dialect() != Dialect.SPANNER) {
      return new OutboxSource(database, null);
    }
    HikariDataSource pool = new HikariDataSource();
    pool.setPoolName("webhooks-outbox");
    pool.setDriverClassName(SpannerSettings.DRIVER);
    pool.setJdbcUrl(
        SpannerSettings.url(
            environment, environment.getProperty("saldo.spanner.outbox-database", "ledger")));
    pool.setMaximumPoolSize(2);
    pool.setMinimumIdle(1);
    pool.setConnectionTimeout(10_000);
    pool.setInitializationFailTimeout(-1);
    pool.setConnectionInitSql("SET STATEMENT_TIMEOUT = '15s'");
    return new OutboxSource(new Database(pool, Dialect.SPANNER), pool);
  }

  /** The outbox's database, and the pool to close with the context when it has one of its own. */
  record OutboxSource(Database database, HikariDataSource pool) implements AutoCloseable {
    @Override
    public void close() {
      if (pool != null) {
        pool.close();
      }
    }
  }

  @Bean(destroyMethod = "close")
  Background background(
      Database database,
      OutboxSource outbox,
      Replays replays,
      Dispatcher dispatcher,
      WebhooksSettings settings,
      Clock clock,
      MeterRegistry meters) {
    Relay relay = Relay.of(retrying(database), outbox.database(), settings.relayBatch(), clock);
    return new Background(
        relay,
        new Pruner(retrying(database), settings.retention(), settings.pruneBatch()),
        replays,
        new Metrics(retrying(database), relay, clock, meters),
        dispatcher,
        settings,
        clock);
  }

  /** The loops start when the application is ready: after the migrations, never before. */
  @Bean
  ApplicationRunner startLoops(Dispatcher dispatcher, Background background) {
    return args -> {
      dispatcher.start();
      background.start();
    };
  }
}
