package com.saldo.client.error;

/** HTTP 404 {@code event_not_found}: No event with this seq belongs to the caller's tenant. */
public final class EventNotFoundException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public EventNotFoundException(Problem problem) {
    super(problem);
  }
}
