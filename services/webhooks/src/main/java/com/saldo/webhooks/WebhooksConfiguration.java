package com.saldo.webhooks;

import com.saldo.jdbc.Database;
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
import tools.jackson.databind.json.JsonMapper;

/** The webhooks service's parts and how they connect. */
@Configuration
public class WebhooksConfiguration {

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
    return new Endpoints(database, secrets);
  }

  @Bean
  Feed feed(Database database) {
    return new Feed(database);
  }

  @Bean
  Replays replays(Database database, WebhooksSettings settings) {
    return new Replays(database, settings.replayChunk());
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
        new JdbcDeliveryStore(database, secrets),
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

  @Bean(destroyMethod = "close")
  Background background(
      Database database,
      Replays replays,
      Dispatcher dispatcher,
      WebhooksSettings settings,
      Clock clock,
      MeterRegistry meters) {
    return new Background(
        new Relay(database, settings.relayBatch()),
        new Pruner(database, settings.retention(), settings.pruneBatch()),
        replays,
        new Metrics(database, clock, meters),
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
