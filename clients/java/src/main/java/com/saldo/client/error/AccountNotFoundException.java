package com.saldo.client.error;

/** HTTP 404 {@code account_not_found}: The account does not exist for this tenant. */
public final class AccountNotFoundException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public AccountNotFoundException(Problem problem) {
    super(problem);
  }
}
