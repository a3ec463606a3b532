package com.saldo.webhooks.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Delivers to one endpoint, on the one replica that holds its lease: a window of its pending
 * deliveries in feed order, of which it starts every one that no earlier pending delivery shares an
 * account with (in order per account, in parallel across accounts), as far as the endpoint's
 * concurrency cap and rate limit allow. A delivery waiting for a retry holds back the later ones of
 * its accounts until it succeeds or is given up.
 *
 * <p>All methods are called under the worker's lock; sending happens outside it.
 */
final class EndpointWorker {

  /** A delivery the dispatcher is to send now. */
  record Start(Endpoint endpoint, Delivery delivery) {}

  private static final Duration THROTTLE_FIRST = Duration.ofSeconds(1);
  private static final Duration THROTTLE_MAX = Duration.ofMinutes(1);

  private final TreeMap<Long, Delivery> window = new TreeMap<>();
  private final Set<Long> inFlight = new HashSet<>();
  private final int concurrency;
  private final int windowSize;
  private final TokenBucket bucket;
  private Endpoint endpoint;
  private long loadedThrough;
  private Instant throttledUntil = Instant.MIN;
  private Duration throttle = THROTTLE_FIRST;
  private boolean stopped;

  EndpointWorker(Endpoint endpoint, int concurrency, int windowSize, long nowNanos) {
    this.endpoint = endpoint;
    this.concurrency = concurrency;
    this.windowSize = windowSize;
    this.bucket = new TokenBucket(endpoint.ratePerSecond(), nowNanos);
  }

  synchronized Endpoint endpoint() {
    return endpoint;
  }

  /** New settings; a new generation (a replay, a re-enabling) reloads what is pending. */
  synchronized void update(Endpoint changed) {
    if (changed.generation() != endpoint.generation()) {
      window.keySet().retainAll(inFlight);
      loadedThrough = 0;
    }
    if (changed.ratePerSecond() != endpoint.ratePerSecond()) {
      bucket.rate(changed.ratePerSecond());
    }
    endpoint = changed;
  }

  synchronized void stop() {
    stopped = true;
  }

  synchronized boolean isStopped() {
    return stopped;
  }

  /** What to ask the store for: pending deliveries after those loaded, as many as there is room. */
  synchronized DeliveryStore.Ask ask() {
    int room = windowSize - window.size();
    return stopped || room <= 0 ? null : new DeliveryStore.Ask(endpoint.id(), loadedThrough, room);
  }

  synchronized void loaded(List<Delivery> deliveries) {
    for (Delivery d : deliveries) {
      if (d.seq() > loadedThrough) {
        window.putIfAbsent(d.seq(), d);
        loadedThrough = d.seq();
      }
    }
  }

  /** The deliveries to start now, marked in flight. */
  synchronized List<Start> startable(Instant now, long nowNanos) {
    if (stopped || inFlight.size() >= concurrency || now.isBefore(throttledUntil)) {
      return List.of();
    }
    List<Start> starts = new ArrayList<>();
    Set<UUID> held = new HashSet<>();
    for (Delivery d : window.values()) {
      boolean free = !inFlight.contains(d.seq()) && !d.nextAttemptAt().isAfter(now);
      for (UUID account : d.accounts()) {
        free &= !held.contains(account);
      }
      if (free) {
        if (!bucket.tryTake(nowNanos)) {
          break;
        }
        inFlight.add(d.seq());
        starts.add(new Start(endpoint, d));
        if (inFlight.size() >= concurrency) {
          break;
        }
      }
      for (UUID account : d.accounts()) {
        held.add(account);
      }
    }
    return starts;
  }

  /**
   * Takes an attempt's outcome: the delivery leaves the window when it succeeded or was given up,
   * or waits for its next attempt. Returns what to record.
   */
  synchronized Outcome finished(
      Delivery d,
      Attempt attempt,
      Instant attemptedAt,
      RetrySchedule schedule,
      Duration disableAfter) {
    inFlight.remove(d.seq());
    boolean wasFailing = endpoint.failingSince() != null;
    int made = d.attempts() + 1;
    String reason = null;
    Result result;
    if (attempt.succeeded()) {
      window.remove(d.seq());
      throttle = THROTTLE_FIRST;
      endpoint = withFailingSince(null);
      result = result(d, made, attemptedAt, attempt, true, "succeeded", null);
    } else {
      if (endpoint.failingSince() == null) {
        endpoint = withFailingSince(attemptedAt);
      }
      if (attempt.gone()) {
        reason = "the endpoint answered 410 Gone";
      } else if (!attemptedAt.isBefore(endpoint.failingSince().plus(disableAfter))) {
        reason = "the endpoint failed every attempt for " + disableAfter.toDays() + " days";
      }
      if (attempt.throttles()) {
        Duration wait = throttle;
        if (attempt.retryAfter() != null && attempt.retryAfter().compareTo(wait) > 0) {
          wait = attempt.retryAfter();
        }
        throttledUntil = attemptedAt.plus(wait);
        throttle =
            throttle.multipliedBy(2).compareTo(THROTTLE_MAX) > 0
                ? THROTTLE_MAX
                : throttle.multipliedBy(2);
      }
      Instant next =
          reason != null ? attemptedAt : schedule.next(made, attemptedAt, attempt.retryAfter());
      if (next == null) {
        window.remove(d.seq());
        result = result(d, made, attemptedAt, attempt, false, "failed", null);
      } else {
        window.put(d.seq(), d.retried(made, next));
        result = result(d, made, attemptedAt, attempt, false, "pending", next);
      }
      if (reason != null) {
        stopped = true;
      }
    }
    boolean flipped = attempt.succeeded() == wasFailing || reason != null;
    return new Outcome(
        result,
        flipped
            ? new DeliveryStore.EndpointChange(
                endpoint.id(), attempt.succeeded(), attemptedAt, reason)
            : null);
  }

  /** What to record of one attempt; {@code change} is null when the endpoint's state stays. */
  record Outcome(Result result, DeliveryStore.EndpointChange change) {}

  synchronized int backlog() {
    return window.size();
  }

  synchronized int inFlight() {
    return inFlight.size();
  }

  private Endpoint withFailingSince(Instant since) {
    Endpoint e = endpoint;
    return new Endpoint(
        e.id(),
        e.tenantId(),
        e.url(),
        e.status(),
        e.ratePerSecond(),
        e.keys(),
        e.generation(),
        since);
  }

  private static Result result(
      Delivery d, int made, Instant at, Attempt a, boolean ok, String status, Instant next) {
    return new Result(
        d.endpointId(),
        d.seq(),
        made,
        at,
        a.statusCode(),
        a.latencyMillis(),
        a.error(),
        ok,
        status,
        next);
  }
}
