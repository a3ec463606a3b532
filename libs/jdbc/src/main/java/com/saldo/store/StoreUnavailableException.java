package com.saldo.store;

/**
 * The database cannot be reached or refuses work now; whether the transaction committed is unknown
 * to the caller only if the connection broke during the commit, which is why every write is
 * idempotent.
 */
public final class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
