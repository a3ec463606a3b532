package com.saldo.client.error;

/** HTTP 400 {@code validation_failed}: One or more fields, path or query parameters are invalid. */
public final class ValidationFailedException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public ValidationFailedException(Problem problem) {
    super(problem);
  }
}
