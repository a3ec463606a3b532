package com.saldo.client.error;

/**
 * No answer came from Saldo within the retries the call allowed: the connection was refused, reset,
 * or timed out. For a transfer this means its outcome is unknown to the caller, never that it
 * failed: sending it again with the same id (the client does, within its budget) applies it at most
 * once.
 */
public final class ConnectionFailedException extends SaldoException {

  private static final long serialVersionUID = 1L;

  /** How the last attempt failed, with the number of attempts made. */
  public ConnectionFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int status() {
    return 0;
  }

  @Override
  public String code() {
    return "connection_failed";
  }
}
