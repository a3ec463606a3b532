package com.saldo.gateway;

/**
 * The limit on failed authentications per client address: a token bucket per address that each
 * failure takes from. An address whose bucket is empty is {@link #blocked} until it refills.
 */
final class FailedAuthentications {

  private final RateLimiter buckets;
  private final int perSecond;
  private final int burst;

  FailedAuthentications(RateLimiter buckets, int perSecond, int burst) {
    this.buckets = buckets;
    this.perSecond = perSecond;
    this.burst = burst;
  }

  /** 0 while the address may fail again, else the whole seconds until it may. */
  long blocked(String address) {
    return buckets.waitOf(address, perSecond, burst);
  }

  void record(String address) {
    buckets.acquire(address, perSecond, burst);
  }
}
