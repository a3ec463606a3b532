package com.saldo.webhooks.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * When a delivery is attempted again: the published schedule of waits (by default immediately, 5 s,
 * 5 min, 30 min, 2 h, 5 h, then 10 h six times, about 67 hours in all), each varied at random by
 * the jitter fraction so that endpoints that failed together are not retried together, and never
 * sooner than the endpoint's {@code Retry-After} (honoured up to a maximum).
 */
public final class RetrySchedule {

  private final List<Duration> waits;
  private final double jitter;
  private final Duration retryAfterMax;
  private final DoubleSupplier random;

  public RetrySchedule(
      List<Duration> waits, double jitter, Duration retryAfterMax, DoubleSupplier random) {
    this.waits = List.copyOf(waits);
    this.jitter = jitter;
    this.retryAfterMax = retryAfterMax;
    this.random = random;
  }

  /** How many attempts a delivery gets before it is marked failed. */
  public int attemptsMax() {
    return waits.size();
  }

  /**
   * The time of the attempt after {@code attemptsMade} attempts, or null when the schedule is used
   * up and the delivery has failed.
   */
  public Instant next(int attemptsMade, Instant now, Duration retryAfter) {
    if (attemptsMade >= waits.size()) {
      return null;
    }
    long millis = waits.get(attemptsMade).toMillis();
    long varied = Math.round(millis * (1 + jitter * (2 * random.getAsDouble() - 1)));
    Instant at = now.plusMillis(Math.max(0, varied));
    if (retryAfter != null) {
      Duration honoured = retryAfter.compareTo(retryAfterMax) > 0 ? retryAfterMax : retryAfter;
      Instant earliest = now.plus(honoured);
      if (earliest.isAfter(at)) {
        at = earliest;
      }
    }
    return at;
  }
}
