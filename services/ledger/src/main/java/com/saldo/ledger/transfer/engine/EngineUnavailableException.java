package com.saldo.ledger.transfer.engine;

/**
 * A command was not applied, and nothing of it was committed: the engine is full, shutting down, or
 * its database is unreachable. The client may retry with the same id.
 */
public final class EngineUnavailableException extends RuntimeException {

  private final boolean overloaded;

  public EngineUnavailableException(String message, boolean overloaded, Throwable cause) {
    super(message, cause, false, false);
    this.overloaded = overloaded;
  }

  /** True when the queue was full: the request never entered the engine. */
  public boolean overloaded() {
    return overloaded;
  }
}
