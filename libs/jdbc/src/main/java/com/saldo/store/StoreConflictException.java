package com.saldo.store;

/**
 * The transaction lost a race (serialization failure, deadlock, a concurrent insert of the same
 * key) and changed nothing; running it again as a whole is safe.
 */
public final class StoreConflictException extends RuntimeException {
  public StoreConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
