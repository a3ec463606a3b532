package com.saldo.client.error;

/**
 * HTTP 429 {@code rate_limited}: The credential sent more requests than its rate limit allows (a
 * token bucket per credential; by default 1000 requests/s with bursts of 2000, set per key).
 */
public final class RateLimitedException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public RateLimitedException(Problem problem) {
    super(problem);
  }
}
