package com.saldo.client.error;

/**
 * HTTP 422 {@code account_not_empty}: Only an account with a posted balance of zero and no open
 * holds (either side) can be closed.
 */
public final class AccountNotEmptyException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public AccountNotEmptyException(Problem problem) {
    super(problem);
  }
}
