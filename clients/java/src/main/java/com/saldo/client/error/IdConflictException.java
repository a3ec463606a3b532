package com.saldo.client.error;

/**
 * HTTP 409 {@code id_conflict}: The id (the client's idempotency key) was used before for a request
 * with other fields.
 */
public final class IdConflictException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public IdConflictException(Problem problem) {
    super(problem);
  }
}
