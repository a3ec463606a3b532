package com.saldo.client.error;

/**
 * HTTP 422 {@code currency_mismatch}: The transfer's currency differs from the currency of one of
 * its accounts.
 */
public final class CurrencyMismatchException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public CurrencyMismatchException(Problem problem) {
    super(problem);
  }
}
