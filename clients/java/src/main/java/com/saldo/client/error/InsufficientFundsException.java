package com.saldo.client.error;

/**
 * HTTP 422 {@code insufficient_funds}: The debit would take the account's available balance (posted
 * minus held) below its minBalance; for an account change, the new minBalance is above the
 * available balance.
 */
public final class InsufficientFundsException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public InsufficientFundsException(Problem problem) {
    super(problem);
  }
}
