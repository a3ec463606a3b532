package com.saldo.client.error;

/**
 * HTTP 422 {@code refund_exceeds_original}: The refunds of one transfer would sum above what it
 * moved (for a captured hold, the captured amount).
 */
public final class RefundExceedsOriginalException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public RefundExceedsOriginalException(Problem problem) {
    super(problem);
  }
}
