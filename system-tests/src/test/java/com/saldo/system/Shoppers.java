package com.saldo.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.testing.Http;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Clients that pay and move money through the gateways for as long as they are told, retrying
 * exactly as the API allows: the very same request, with the same id, after a 5xx, a 429 or a
 * broken connection, until it gets a final answer. Each id's last answer is kept.
 */
final class Shoppers {

  /** The final answer a client saw for an id: a status and, for a refusal, its code. */
  record Outcome(Map<String, Object> request, int status, String code) {}

  private static final Duration PATIENCE = Duration.ofSeconds(120);

  final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
  final LongAdder requests = new LongAdder();
  final LongAdder retries = new LongAdder();
  final LongAdder failures = new LongAdder();
  final LongAdder reads = new LongAdder();

  /** Every answer the clients got, by status (-1: no answer, the connection refused or cut). */
  final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

  /** When each transfer got its final 201 or 200 ({@code System.nanoTime()}), for outages. */
  final java.util.Queue<Long> acknowledgedAt = new java.util.concurrent.ConcurrentLinkedQueue<>();

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> threads = new ArrayList<>();

  Shoppers(int count, List<Http> gateways, List<String> customers, String hot) {
    this(count, gateways, customers, hot, Duration.ZERO);
  }

  /**
   * Shoppers that each wait {@code pause} after a purchase, as a till waits for its next customer:
   * a steady load that leaves the machine room to restart services, where shoppers without a pause
   * keep every core busy.
   */
  Shoppers(int count, List<Http> gateways, List<String> customers, String hot, Duration pause) {
    for (int i = 0; i < count; i++) {
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (running.get()) {
                      String from = customers.get(random.nextInt(customers.size()));
                      String to =
                          random.nextInt(4) == 0
                              ? customers.get(random.nextInt(customers.size()))
                              : hot;
                      Map<String, Object> body = new HashMap<>();
                      body.put("id", UUID.randomUUID().toString());
                      body.put("debitAccountId", from);
                      body.put("creditAccountId", to);
                      body.put("amount", 1 + random.nextInt(500));
                      body.put("currency", "EUR");
                      body.put("kind", "payment");
                      send(gateways, body);
                      if (random.nextInt(4) == 0) {
                        look(gateways, "/v1/accounts/" + from + "/entries?limit=5");
                      }
                      if (pause.isPositive()) {
                        try {
                          Thread.sleep(pause);
                        } catch (InterruptedException e) {
                          return;
                        }
                      }
                    }
                  }));
    }
  }

  private void send(List<Http> gateways, Map<String, Object> body) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    int attempt = 0;
    while (System.nanoTime() < deadline) {
      Http gateway = gateways.get(Math.floorMod(attempt + body.hashCode(), gateways.size()));
      requests.increment();
      try {
        Http.Answer answer = gateway.post("/v1/transfers", body);
        int status = answer.status();
        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        if (status < 500 && status != 429) {
          outcomes.put(
              (String) body.get("id"),
              new Outcome(body, status, status >= 400 ? answer.code() : null));
          if (status == 201 || status == 200) {
            acknowledgedAt.add(System.nanoTime());
          }
          return;
        }
      } catch (UncheckedIOException | IllegalStateException broken) {
        // connection refused or cut: the same request again is safe
        statuses.computeIfAbsent(-1, s -> new LongAdder()).increment();
      }
      retries.increment();
      attempt++;
      try {
        Thread.sleep(Math.min(1000, 20L * attempt));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    failures.increment();
    outcomes.put((String) body.get("id"), new Outcome(body, 0, "no final answer"));
  }

  /** A read, retried like a write until it gets a final answer; anything but 200 is a failure. */
  private void look(List<Http> gateways, String path) {
    for (int attempt = 0; attempt < 100; attempt++) {
      requests.increment();
      try {
        int status = gateways.get(attempt % gateways.size()).get(path).status();
        if (status == 200) {
          reads.increment();
          return;
        }
        if (status < 500 && status != 429) {
          break;
        }
      } catch (UncheckedIOException | IllegalStateException broken) {
        // connection refused or cut: reading again is safe
      }
      retries.increment();
      try {
        Thread.sleep(Math.min(1000, 20L * (attempt + 1)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    failures.increment();
  }

  /**
   * Prints what the clients did, and asserts that every request ended with an answer of the API's
   * own: applied (201, or 200 for a replay) or refused (422), never a failure after the retries.
   */
  void assertEveryRequestAnswered(String what) {
    System.out.printf(
        "%s: %d requests, %d retries, %d failures, %d transfers, %d history reads; answers %s%n",
        what,
        requests.sum(),
        retries.sum(),
        failures.sum(),
        outcomes.size(),
        reads.sum(),
        new java.util.TreeMap<>(statuses));
    assertThat(failures.sum()).isZero();
    assertThat(outcomes.values())
        .allMatch(o -> o.status() == 201 || o.status() == 200 || o.status() == 422);
  }

  /**
   * The longest time, from {@code since} on, in which no transfer was acknowledged: what the
   * clients saw of an outage.
   */
  Duration longestSilenceSince(long since) {
    List<Long> times = acknowledgedAt.stream().filter(t -> t >= since).sorted().toList();
    long longest = 0;
    long previous = since;
    for (long t : times) {
      longest = Math.max(longest, t - previous);
      previous = t;
    }
    return Duration.ofNanos(longest);
  }

  /** Stops starting new transfers and waits for those under way to get their final answer. */
  void stop() throws InterruptedException {
    running.set(false);
    for (Thread thread : threads) {
      thread.join(PATIENCE.plusSeconds(30));
    }
  }
}
