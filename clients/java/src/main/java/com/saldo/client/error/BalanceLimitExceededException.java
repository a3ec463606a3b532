package com.saldo.client.error;

/**
 * HTTP 422 {@code balance_limit_exceeded}: The credit would take the account above its maxBalance
 * (posted plus incoming holds); for an account change, the new maxBalance is below that.
 */
public final class BalanceLimitExceededException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public BalanceLimitExceededException(Problem problem) {
    super(problem);
  }
}
