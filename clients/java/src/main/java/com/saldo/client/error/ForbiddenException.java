package com.saldo.client.error;

/**
 * HTTP 403 {@code forbidden}: The credential is valid but lacks the scope the endpoint needs
 * (accounts:read, transfers:write, ...).
 */
public final class ForbiddenException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public ForbiddenException(Problem problem) {
    super(problem);
  }
}
