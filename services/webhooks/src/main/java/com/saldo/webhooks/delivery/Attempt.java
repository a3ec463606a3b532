package com.saldo.webhooks.delivery;

import java.time.Duration;

/**
 * What one HTTP attempt came to.
 *
 * @param statusCode the response's status, or 0 when there was none
 * @param error why there was no response or why it failed, or null
 * @param retryAfter the endpoint's {@code Retry-After}, or null
 */
public record Attempt(int statusCode, long latencyMillis, String error, Duration retryAfter) {

  public boolean succeeded() {
    return statusCode >= 200 && statusCode < 300;
  }

  /** 410 Gone: the endpoint says it no longer exists, and it is disabled at once. */
  public boolean gone() {
    return statusCode == 410;
  }

  /** 429 and the gateway errors: the endpoint is overwhelmed, so it gets less for a while. */
  public boolean throttles() {
    return statusCode == 429 || statusCode == 502 || statusCode == 503 || statusCode == 504;
  }
}
