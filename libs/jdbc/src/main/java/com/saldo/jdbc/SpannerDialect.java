package com.saldo.jdbc;

import com.saldo.store.StoreConflictException;
import com.saldo.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Google Cloud Spanner's PostgreSQL dialect through the Spanner JDBC driver, whose failures carry
 * their gRPC status code as {@link SQLException#getErrorCode()} and no SQLSTATE.
 *
 * <p>Every read-write transaction is serializable, and a transaction that loses a race is aborted
 * at any statement or at the commit: that is the conflict the caller retries as a whole (the driver
 * is told not to replay it itself, {@code retryAbortsInternally=false}, so no answer is ever given
 * from a replay). Spanner has no {@code SELECT ... FOR UPDATE} on the emulator; the locking read is
 * the statement hint that takes exclusive locks on what it reads, which production Spanner and the
 * emulator both accept, so that two batches that read the same account serialise at the read
 * instead of both upgrading a shared lock and one aborting at the commit.
 */
final class SpannerDialect implements Dialect {

  // gRPC status codes (google.rpc.Code)
  private static final int CANCELLED = 1;
  private static final int DEADLINE_EXCEEDED = 4;
  private static final int NOT_FOUND = 5;
  private static final int FAILED_PRECONDITION = 9;
  private static final int ALREADY_EXISTS = 6;
  private static final int RESOURCE_EXHAUSTED = 8;
  private static final int ABORTED = 10;
  private static final int INTERNAL = 13;
  private static final int UNAVAILABLE = 14;

  @Override
  public RuntimeException translate(SQLException e) {
    int code = e.getErrorCode();
    if (e instanceof SQLTransientConnectionException
        || code == CANCELLED
        || code == DEADLINE_EXCEEDED
        || code == RESOURCE_EXHAUSTED
        || code == UNAVAILABLE
        || (code == INTERNAL && String.valueOf(e.getMessage()).contains("RST_STREAM"))) {
      return new StoreUnavailableException("spanner unavailable (code " + code + ")", e);
    }
    if (code == ABORTED || code == ALREADY_EXISTS || lostTransaction(code, e.getMessage())) {
      return new StoreConflictException("transaction conflict (code " + code + ")", e);
    }
    return new IllegalStateException("spanner failure (code " + code + "): " + e.getMessage(), e);
  }

  /**
   * The transaction is gone before its commit: Spanner dropped it (idle too long), or the emulator,
   * which runs one transaction at a time, invalidated it when a newer one began. Nothing of it was
   * applied, and it may run again, as after an abort.
   */
  private static boolean lostTransaction(int code, String message) {
    String text = String.valueOf(message);
    return (code == NOT_FOUND && text.contains("Transaction not found"))
        || (code == FAILED_PRECONDITION && text.contains("Invalid transaction ID"));
  }

  @Override
  public boolean isUniqueViolation(SQLException e, String constraint) {
    return e.getErrorCode() == ALREADY_EXISTS
        && e.getMessage() != null
        && e.getMessage().contains(constraint);
  }

  @Override
  public String lockingRead(String select, String alias) {
    return "/*@ lock_scanned_ranges=exclusive */ " + select;
  }

  @Override
  public String claimingRead(String select) {
    return select;
  }

  /** Ids are stored as their text: the dialect has no {@code uuid} type on the emulator. */
  @Override
  public Object bindable(Object value) {
    return value instanceof java.util.UUID id ? id.toString() : value;
  }

  /** Read-write transactions are serializable whatever was asked for: never weaker. */
  @Override
  public int isolation(int requested) {
    return Connection.TRANSACTION_SERIALIZABLE;
  }
}
