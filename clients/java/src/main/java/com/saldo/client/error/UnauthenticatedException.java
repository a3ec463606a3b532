package com.saldo.client.error;

/**
 * HTTP 401 {@code unauthenticated}: The request carries no valid identity: a missing, malformed,
 * unknown, expired or revoked credential.
 */
public final class UnauthenticatedException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public UnauthenticatedException(Problem problem) {
    super(problem);
  }
}
