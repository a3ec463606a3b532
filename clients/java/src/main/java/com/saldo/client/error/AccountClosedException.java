package com.saldo.client.error;

/**
 * HTTP 422 {@code account_closed}: An account of the transfer is closed, or a change was asked of a
 * closed account.
 */
public final class AccountClosedException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public AccountClosedException(Problem problem) {
    super(problem);
  }
}
