package com.saldo.client.error;

/** HTTP 503 {@code overloaded}: The service is at its limit (the write queue is full). */
public final class OverloadedException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public OverloadedException(Problem problem) {
    super(problem);
  }
}
