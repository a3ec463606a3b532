package com.saldo.client.error;

/**
 * HTTP 410 {@code cursor_expired}: after (on GET /v1/events, or afterSeq of a replay) lies before
 * events that have been pruned: events are kept for saldo.webhooks.retention (30 days by default),
 * and a reader that far behind has missed some.
 */
public final class CursorExpiredException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public CursorExpiredException(Problem problem) {
    super(problem);
  }
}
