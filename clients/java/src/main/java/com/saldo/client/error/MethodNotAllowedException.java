package com.saldo.client.error;

/** HTTP 405 {@code method_not_allowed}: The path exists but does not take this HTTP method. */
public final class MethodNotAllowedException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public MethodNotAllowedException(Problem problem) {
    super(problem);
  }
}
