package com.saldo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Proves the token bucket: a burst passes, the next request waits, the bucket refills at the rate.
 */
class RateLimiterTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
  private final RateLimiter limiter = new RateLimiter(now::get, 1000);

  @Test
  void aBurstPassesThenTheRateHolds() {
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.acquire("k", 2, 5)).isZero();
    }
    assertThat(limiter.acquire("k", 2, 5)).isEqualTo(1);
    now.addAndGet(500_000_000L);
    assertThat(limiter.acquire("k", 2, 5)).isZero();
    assertThat(limiter.acquire("k", 2, 5)).isPositive();
    assertThat(limiter.acquire("other", 2, 5)).isZero();
  }

  @Test
  void retryAfterCoversTheWait() {
    for (int i = 0; i < 3; i++) {
      limiter.acquire("slow", 1, 1);
    }
    long wait = limiter.acquire("slow", 1, 1);
    assertThat(wait).isBetween(1L, 3L);
    now.addAndGet(wait * 1_000_000_000L);
    assertThat(limiter.acquire("slow", 1, 1)).isZero();
  }

  @Test
  void lookingAtABucketTakesNothingFromIt() {
    assertThat(limiter.waitOf("failures", 2, 3)).isZero();
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.waitOf("failures", 2, 3)).isZero();
      assertThat(limiter.acquire("failures", 2, 3)).isZero();
    }
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.waitOf("failures", 2, 3)).isEqualTo(1);
    }
    now.addAndGet(500_000_000L);
    assertThat(limiter.waitOf("failures", 2, 3)).isZero();
    assertThat(limiter.acquire("failures", 2, 3)).isZero();
    assertThat(limiter.waitOf("failures", 2, 3)).isEqualTo(1);
  }

  @Test
  void theTableStaysBounded() {
    RateLimiter small = new RateLimiter(now::get, 10);
    for (int i = 0; i < 1000; i++) {
      small.acquire("k" + i, 1000, 1);
      now.addAndGet(10_000_000L);
    }
    assertThat(small.acquire("fresh", 1, 1)).isZero();
  }
}
