package com.saldo.client.error;

/** HTTP 422 {@code same_account}: The debit and the credit account are the same account. */
public final class SameAccountException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public SameAccountException(Problem problem) {
    super(problem);
  }
}
