package com.saldo.client.error;

/**
 * HTTP 413 {@code payload_too_large}: The body is larger than the limit (1 MiB by default,
 * saldo.http.body-size-max).
 */
public final class PayloadTooLargeException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public PayloadTooLargeException(Problem problem) {
    super(problem);
  }
}
