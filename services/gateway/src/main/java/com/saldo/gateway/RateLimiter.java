package com.saldo.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Per-credential token buckets, as the generic cell rate algorithm: one atomic "theoretical arrival
 * time" per credential, no lock. A credential may send {@code burst} requests at once and {@code
 * perSecond} on average. Limits are per gateway replica.
 */
final class RateLimiter {

  private static final long SECOND = 1_000_000_000L;

  private final Map<String, AtomicLong> arrivals = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;
  private final int entriesMax;

  RateLimiter(LongSupplier nanoTime, int entriesMax) {
    this.nanoTime = nanoTime;
    this.entriesMax = entriesMax;
  }

  /**
   * 0 when the bucket of {@code key} has room for one more, else the whole seconds until it has;
   * takes nothing from it.
   */
  long waitOf(String key, int perSecond, int burst) {
    AtomicLong arrival = arrivals.get(key);
    if (arrival == null) {
      return 0;
    }
    long tolerance = SECOND / perSecond * (burst - 1L);
    long waitNanos = arrival.get() - tolerance - nanoTime.getAsLong();
    return waitNanos <= 0 ? 0 : Math.max(1, (waitNanos + SECOND - 1) / SECOND);
  }

  /** 0 when the request may pass, else the whole seconds to wait (at least 1). */
  long acquire(String credential, int perSecond, int burst) {
    long interval = SECOND / perSecond;
    long tolerance = interval * (burst - 1L);
    long now = nanoTime.getAsLong();
    if (arrivals.size() >= entriesMax) {
      arrivals.entrySet().removeIf(e -> e.getValue().get() < now);
    }
    AtomicLong arrival = arrivals.computeIfAbsent(credential, k -> new AtomicLong(now));
    while (true) {
      long tat = arrival.get();
      long base = Math.max(tat, now);
      if (base - tolerance > now) {
        long waitNanos = base - tolerance - now;
        return Math.max(1, (waitNanos + SECOND - 1) / SECOND);
      }
      if (arrival.compareAndSet(tat, base + interval)) {
        return 0;
      }
    }
  }
}
