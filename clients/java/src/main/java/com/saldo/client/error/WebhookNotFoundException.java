package com.saldo.client.error;

/** HTTP 404 {@code webhook_not_found}: No webhook with this id belongs to the caller's tenant. */
public final class WebhookNotFoundException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public WebhookNotFoundException(Problem problem) {
    super(problem);
  }
}
