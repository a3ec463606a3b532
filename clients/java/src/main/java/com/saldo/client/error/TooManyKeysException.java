package com.saldo.client.error;

/**
 * HTTP 422 {@code too_many_keys}: The tenant has as many active keys as allowed
 * (saldo.backoffice.keys-per-tenant-max, 1000 by default).
 */
public final class TooManyKeysException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public TooManyKeysException(Problem problem) {
    super(problem);
  }
}
