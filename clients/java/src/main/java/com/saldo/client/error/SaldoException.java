package com.saldo.client.error;

/**
 * What every call of the client throws when it does not succeed: either a {@link ProblemException}
 * (Saldo answered with a problem, one subtype per code) or a {@link ConnectionFailedException} (no
 * answer came, after the retries the call was allowed).
 */
public abstract sealed class SaldoException extends RuntimeException
    permits ProblemException, ConnectionFailedException {

  private static final long serialVersionUID = 1L;

  SaldoException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The HTTP status Saldo answered, or 0 when no answer came. */
  public abstract int status();

  /** The problem code, such as {@code insufficient_funds}; {@code connection_failed} for none. */
  public abstract String code();
}
