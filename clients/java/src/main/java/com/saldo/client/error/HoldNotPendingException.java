package com.saldo.client.error;

/**
 * HTTP 422 {@code hold_not_pending}: The transfer is not a pending hold: it was captured (with
 * another amount), voided, expired, or is no hold at all.
 */
public final class HoldNotPendingException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public HoldNotPendingException(Problem problem) {
    super(problem);
  }
}
