package com.saldo.client.error;

/** HTTP 500 {@code internal_error}: Saldo failed in a way it did not foresee. */
public final class InternalErrorException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public InternalErrorException(Problem problem) {
    super(problem);
  }
}
