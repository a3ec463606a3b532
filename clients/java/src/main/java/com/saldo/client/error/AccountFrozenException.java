package com.saldo.client.error;

/**
 * HTTP 422 {@code account_frozen}: The debit account is frozen: it takes credits only, no debits or
 * holds.
 */
public final class AccountFrozenException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public AccountFrozenException(Problem problem) {
    super(problem);
  }
}
