package com.saldo.webhooks.delivery;

/**
 * An endpoint's rate limit: {@code perSecond} tokens a second, holding at most one second's worth,
 * one token per attempt. Not thread-safe; its endpoint's worker guards it.
 */
final class TokenBucket {

  private double perNano;
  private double capacity;
  private double tokens;
  private long at;

  TokenBucket(int perSecond, long nowNanos) {
    rate(perSecond);
    tokens = capacity;
    at = nowNanos;
  }

  void rate(int perSecond) {
    perNano = perSecond / 1e9;
    capacity = Math.max(1, perSecond);
    tokens = Math.min(tokens, capacity);
  }

  boolean tryTake(long nowNanos) {
    tokens = Math.min(capacity, tokens + (nowNanos - at) * perNano);
    at = nowNanos;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
