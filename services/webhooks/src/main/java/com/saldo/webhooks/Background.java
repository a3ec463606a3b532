package com.saldo.webhooks;

import com.saldo.webhooks.delivery.Dispatcher;
import com.saldo.webhooks.store.Metrics;
import com.saldo.webhooks.store.Pruner;
import com.saldo.webhooks.store.Relay;
import com.saldo.webhooks.store.Replays;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's loops besides delivery: the relay (as often as the relay interval while idle, at
 * once again while there is more), and maintenance (replays, metrics, pruning). Every loop survives
 * a database that is away, and every replica runs them: the relay row and SKIP LOCKED make replicas
 * take turns.
 */
final class Background implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Background.class);

  private final Relay relay;
  private final Pruner pruner;
  private final Replays replays;
  private final Metrics metrics;
  private final Dispatcher dispatcher;
  private final WebhooksSettings settings;
  private final Clock clock;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running = true;

  Background(
      Relay relay,
      Pruner pruner,
      Replays replays,
      Metrics metrics,
      Dispatcher dispatcher,
      WebhooksSettings settings,
      Clock clock) {
    this.relay = relay;
    this.pruner = pruner;
    this.replays = replays;
    this.metrics = metrics;
    this.dispatcher = dispatcher;
    this.settings = settings;
    this.clock = clock;
  }

  void start() {
    threads.add(Thread.ofPlatform().name("webhooks-relay").daemon().start(this::relayLoop));
    threads.add(Thread.ofPlatform().name("webhooks-upkeep").daemon().start(this::upkeepLoop));
  }

  private void relayLoop() {
    long idle = settings.relayInterval().toMillis();
    while (running) {
      long pause = idle;
      try {
        Relay.Step step = relay.step();
        if (step.deliveries() > 0) {
          dispatcher.wake();
        }
        if (step.events() == settings.relayBatch()) {
          pause = 0;
        }
      } catch (RuntimeException e) {
        // the ledger's migrations not run yet, the database away, or another relay won the row
        log.debug("relay step failed: {}", e.toString());
        pause = 500;
      }
      sleep(pause);
    }
  }

  private void upkeepLoop() {
    long nextPrune = 0;
    while (running) {
      try {
        while (running && replays.step(clock.instant()) > 0) {
          // a long replay advances a chunk at a time, each chunk its own transaction
        }
        metrics.refresh(dispatcher.held());
        if (clock.millis() >= nextPrune) {
          pruner.prune(clock.instant(), 100);
          nextPrune = clock.millis() + settings.pruneInterval().toMillis();
        }
      } catch (RuntimeException e) {
        log.debug("upkeep failed: {}", e.toString());
      }
      sleep(Duration.ofSeconds(1).toMillis());
    }
  }

  private void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      for (Thread t : threads) {
        t.interrupt();
        t.join(5000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
