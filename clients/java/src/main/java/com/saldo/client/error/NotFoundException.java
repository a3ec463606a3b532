package com.saldo.client.error;

/** HTTP 404 {@code not_found}: No endpoint exists at this path. */
public final class NotFoundException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public NotFoundException(Problem problem) {
    super(problem);
  }
}
