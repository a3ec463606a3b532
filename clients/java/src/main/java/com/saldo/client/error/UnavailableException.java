package com.saldo.client.error;

/**
 * HTTP 503 {@code unavailable}: The request could not be completed now: the database is
 * unreachable, the service is shutting down, or the request waited past its timeout.
 */
public final class UnavailableException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public UnavailableException(Problem problem) {
    super(problem);
  }
}
