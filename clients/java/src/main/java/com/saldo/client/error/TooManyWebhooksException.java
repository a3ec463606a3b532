package com.saldo.client.error;

/**
 * HTTP 422 {@code too_many_webhooks}: The tenant has as many webhooks as allowed
 * (saldo.webhooks.endpoints-per-tenant-max, 50 by default).
 */
public final class TooManyWebhooksException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public TooManyWebhooksException(Problem problem) {
    super(problem);
  }
}
