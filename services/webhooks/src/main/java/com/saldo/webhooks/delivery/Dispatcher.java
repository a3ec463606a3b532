package com.saldo.webhooks.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replica's deliveries. It holds leases on its share of the active endpoints (renewed well
 * before they expire; a replica that dies loses them when they do, and another takes them over),
 * runs an {@link EndpointWorker} per endpoint it holds, starts each attempt on a virtual thread,
 * and records the attempts in batches. No lock is held across an HTTP call: what makes one replica
 * at a time deliver to an endpoint is the lease.
 *
 * <p>A replica that loses a lease while an attempt is in flight still records that attempt; the new
 * holder may send the same event again, with the same {@code webhook-id}: at least once.
 */
public final class Dispatcher implements AutoCloseable {

  /** How the dispatcher runs. */
  public record Settings(
      Duration pollInterval,
      Duration leaseDuration,
      int concurrencyPerEndpoint,
      int windowPerEndpoint,
      Duration disableAfter) {}

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
  private static final int RESULTS_MAX = 100_000;

  private final UUID id = UUID.randomUUID();
  private final DeliveryStore store;
  private final Sender sender;
  private final RetrySchedule schedule;
  private final Settings settings;
  private final Clock clock;
  private final Map<UUID, EndpointWorker> workers = new ConcurrentHashMap<>();
  private final BlockingQueue<EndpointWorker.Outcome> outcomes =
      new ArrayBlockingQueue<>(RESULTS_MAX);
  private final ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor();
  private final Timer latency;
  private final Counter succeeded;
  private final Counter failed;
  private final MeterRegistry meters;
  private final List<Thread> loops = new ArrayList<>();
  private volatile boolean running = true;
  private volatile Thread scanner;

  public Dispatcher(
      DeliveryStore store,
      Sender sender,
      RetrySchedule schedule,
      Settings settings,
      Clock clock,
      MeterRegistry meters) {
    this.store = store;
    this.sender = sender;
    this.schedule = schedule;
    this.settings = settings;
    this.clock = clock;
    this.meters = meters;
    this.latency =
        Timer.builder("saldo.webhooks.delivery.latency")
            .description("From the change's commit to the endpoint's 2xx")
            .register(meters);
    this.succeeded =
        Counter.builder("saldo.webhooks.attempts").tag("outcome", "succeeded").register(meters);
    this.failed =
        Counter.builder("saldo.webhooks.attempts").tag("outcome", "failed").register(meters);
  }

  public UUID id() {
    return id;
  }

  public void start() {
    loops.add(Thread.ofPlatform().name("webhooks-leases").daemon().start(this::leaseLoop));
    scanner = Thread.ofPlatform().name("webhooks-scan").daemon().start(this::scanLoop);
    loops.add(scanner);
    loops.add(Thread.ofPlatform().name("webhooks-record").daemon().start(this::recordLoop));
  }

  /** Looks for new deliveries at once (the relay on this replica just committed some). */
  public void wake() {
    Thread t = scanner;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  /** The endpoints this replica delivers to now. */
  public Set<UUID> held() {
    return Set.copyOf(workers.keySet());
  }

  private void leaseLoop() {
    long pause = Math.min(1000, settings.leaseDuration().toMillis() / 4);
    while (running) {
      try {
        leases();
      } catch (RuntimeException e) {
        log.warn("leases not renewed: {}", e.toString());
      }
      sleep(pause);
    }
  }

  /** Renews the leases, takes a fair share of the endpoints, and follows their settings. */
  void leases() {
    Instant now = clock.instant();
    Instant until = now.plus(settings.leaseDuration());
    Set<UUID> held = new HashSet<>(store.renew(id, now, until));
    int live = Math.max(1, store.liveWorkers(now.minus(settings.leaseDuration())));
    int share = (store.activeEndpoints() + live - 1) / live;
    if (held.size() < share) {
      held.addAll(store.claim(id, share - held.size(), now, until));
    } else if (held.size() > share + 1) {
      List<UUID> surplus = new ArrayList<>();
      for (UUID endpoint : held) {
        EndpointWorker w = workers.get(endpoint);
        if (held.size() - surplus.size() > share && (w == null || w.inFlight() == 0)) {
          surplus.add(endpoint);
        }
      }
      surplus.forEach(held::remove);
      surplus.forEach(this::drop);
      store.release(id, surplus);
    }
    Map<UUID, Endpoint> settingsNow = store.endpoints(held, now);
    for (UUID endpoint : List.copyOf(workers.keySet())) {
      Endpoint e = settingsNow.get(endpoint);
      if (!held.contains(endpoint) || e == null || !e.isActive()) {
        drop(endpoint);
      }
    }
    for (Endpoint e : settingsNow.values()) {
      if (!e.isActive()) {
        continue;
      }
      EndpointWorker w = workers.get(e.id());
      if (w == null || w.isStopped()) {
        workers.put(
            e.id(),
            new EndpointWorker(
                e,
                settings.concurrencyPerEndpoint(),
                settings.windowPerEndpoint(),
                System.nanoTime()));
      } else {
        w.update(e);
      }
    }
  }

  private void drop(UUID endpoint) {
    EndpointWorker w = workers.remove(endpoint);
    if (w != null) {
      w.stop();
    }
  }

  private void scanLoop() {
    long pause = settings.pollInterval().toNanos();
    while (running) {
      try {
        scan();
      } catch (RuntimeException e) {
        log.warn("deliveries not loaded: {}", e.toString());
        sleep(500);
      }
      LockSupport.parkNanos(pause);
    }
  }

  /** Loads what is new for every endpoint held, and starts what may start. */
  void scan() {
    List<DeliveryStore.Ask> asks = new ArrayList<>();
    for (EndpointWorker w : workers.values()) {
      DeliveryStore.Ask ask = w.ask();
      if (ask != null) {
        asks.add(ask);
      }
    }
    if (!asks.isEmpty()) {
      Map<UUID, List<Delivery>> byEndpoint = new java.util.HashMap<>();
      for (Delivery d : store.pending(asks)) {
        byEndpoint.computeIfAbsent(d.endpointId(), k -> new ArrayList<>()).add(d);
      }
      byEndpoint.forEach(
          (endpoint, deliveries) -> {
            EndpointWorker w = workers.get(endpoint);
            if (w != null) {
              w.loaded(deliveries);
            }
          });
    }
    for (EndpointWorker w : workers.values()) {
      dispatch(w);
    }
  }

  private void dispatch(EndpointWorker w) {
    for (EndpointWorker.Start start : w.startable(clock.instant(), System.nanoTime())) {
      sends.execute(() -> attempt(w, start));
    }
  }

  private void attempt(EndpointWorker w, EndpointWorker.Start start) {
    Instant at = clock.instant();
    Attempt attempt = sender.send(start.endpoint(), start.delivery());
    Instant done = clock.instant();
    if (attempt.succeeded()) {
      succeeded.increment();
      latency.record(Duration.between(start.delivery().createdAt(), done));
    } else {
      failed.increment();
      meters
          .counter("saldo.webhooks.endpoint.failures", "endpoint", start.endpoint().id().toString())
          .increment();
    }
    EndpointWorker.Outcome outcome =
        w.finished(start.delivery(), attempt, at, schedule, settings.disableAfter());
    try {
      outcomes.put(outcome);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    dispatch(w);
  }

  private void recordLoop() {
    List<EndpointWorker.Outcome> batch = new ArrayList<>();
    while (running || !outcomes.isEmpty()) {
      try {
        EndpointWorker.Outcome first = outcomes.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        outcomes.drainTo(batch, 5000);
        record(batch);
        batch.clear();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Records a batch, retrying while the database is away: an attempt is never forgotten. */
  private void record(List<EndpointWorker.Outcome> batch) throws InterruptedException {
    List<Result> results = new ArrayList<>(batch.size());
    List<DeliveryStore.EndpointChange> changes = new ArrayList<>();
    for (EndpointWorker.Outcome o : batch) {
      results.add(o.result());
      if (o.change() != null) {
        changes.add(o.change());
      }
    }
    long wait = 100;
    while (true) {
      try {
        store.record(results, changes);
        return;
      } catch (RuntimeException e) {
        log.warn("attempts not recorded yet, retrying: {}", e.toString());
        Thread.sleep(wait);
        wait = Math.min(5000, wait * 2);
      }
    }
  }

  /** The deliveries in this replica's windows, per endpoint. */
  public Map<UUID, Integer> backlog() {
    Map<UUID, Integer> backlog = new java.util.HashMap<>();
    workers.forEach((endpoint, w) -> backlog.put(endpoint, w.backlog()));
    return backlog;
  }

  /** Stops starting attempts, lets those in flight finish, records them, gives the leases up. */
  @Override
  public void close() {
    running = false;
    workers.values().forEach(EndpointWorker::stop);
    sends.shutdown();
    try {
      if (!sends.awaitTermination(20, TimeUnit.SECONDS)) {
        sends.shutdownNow();
      }
      for (Thread loop : loops) {
        LockSupport.unpark(loop);
        loop.join(5000);
      }
      store.release(id, List.copyOf(workers.keySet()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("leases not released: {}", e.toString());
    }
  }

  private void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
