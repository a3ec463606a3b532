package com.saldo.client;

import java.time.Duration;

/**
 * When the client sends a request again. It retries only what is safe: a call that is idempotent
 * (every read, a transfer or account with its id, a capture, a void, a change) after a connection
 * error, a timeout, 429, 502, 503 or 504; any call after a refused connection (nothing was sent) or
 * a 429 (nothing was applied). Waits grow from {@code initialBackoff}, doubling up to {@code
 * maxBackoff}, each varied by up to half at random; a {@code Retry-After} is honoured up to {@code
 * retryAfterMax} (a longer one ends the call with its 429). A call never takes longer than {@code
 * totalTimeout} nor more than {@code maxAttempts} attempts.
 *
 * @param maxAttempts 1 to 10 attempts in all (3 by default)
 * @param initialBackoff the first wait (0.5 s)
 * @param maxBackoff the longest wait (8 s)
 * @param totalTimeout the most one call takes, waits included (30 s)
 * @param retryAfterMax the longest {@code Retry-After} honoured (60 s)
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration totalTimeout,
    Duration retryAfterMax) {

  /** The defaults: 3 attempts, 0.5 s doubling to 8 s, 30 s in all, Retry-After up to 60 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(
          3,
          Duration.ofMillis(500),
          Duration.ofSeconds(8),
          Duration.ofSeconds(30),
          Duration.ofSeconds(60));

  /** One attempt only. */
  public static final RetryPolicy NONE = DEFAULT.withMaxAttempts(1);

  public RetryPolicy {
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new IllegalArgumentException("maxAttempts must be 1 to 10, not " + maxAttempts);
    }
    positive("initialBackoff", initialBackoff);
    positive("maxBackoff", maxBackoff);
    positive("totalTimeout", totalTimeout);
    positive("retryAfterMax", retryAfterMax);
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff must be at least initialBackoff");
    }
  }

  private static void positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  public RetryPolicy withMaxAttempts(int value) {
    return new RetryPolicy(value, initialBackoff, maxBackoff, totalTimeout, retryAfterMax);
  }

  public RetryPolicy withBackoff(Duration initial, Duration max) {
    return new RetryPolicy(maxAttempts, initial, max, totalTimeout, retryAfterMax);
  }

  public RetryPolicy withTotalTimeout(Duration value) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, value, retryAfterMax);
  }

  public RetryPolicy withRetryAfterMax(Duration value) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, totalTimeout, value);
  }

  /** The wait before attempt {@code next} (2, 3, ...), before jitter. */
  Duration backoff(int next) {
    long millis = initialBackoff.toMillis();
    for (int i = 2; i < next && millis < maxBackoff.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }
}
