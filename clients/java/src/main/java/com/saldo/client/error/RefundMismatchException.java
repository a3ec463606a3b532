package com.saldo.client.error;

/**
 * HTTP 422 {@code refund_mismatch}: A refund must reverse a posted, non-refund transfer of the same
 * tenant: debit its credit account and credit its debit account.
 */
public final class RefundMismatchException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public RefundMismatchException(Problem problem) {
    super(problem);
  }
}
