package com.saldo.jdbc;

import com.saldo.store.StoreConflictException;
import com.saldo.store.StoreUnavailableException;
import java.sql.SQLException;

/**
 * What differs between the databases Saldo runs on, as far as every service shares it: how a
 * failure reads (a conflict worth a retry, an outage, or a bug) and how a read locks its rows. What
 * differs for one service only (its DDL, an upsert, an array parameter) lives in that service's
 * adapters beside the SQL it changes.
 */
public interface Dialect {

  /** PostgreSQL, the default. */
  Dialect POSTGRESQL = new PostgresDialect();

  /** Google Cloud Spanner's PostgreSQL dialect, through the Spanner JDBC driver. */
  Dialect SPANNER = new SpannerDialect();

  /** The dialect a setting names: {@code postgresql} (or none) or {@code spanner}. */
  static Dialect named(String name) {
    return switch (name == null || name.isBlank() ? "postgresql" : name) {
      case "postgresql" -> POSTGRESQL;
      case "spanner" -> SPANNER;
      default ->
          throw new IllegalArgumentException(
              "saldo.database (SALDO_DATABASE) must be postgresql or spanner, not " + name);
    };
  }

  /**
   * The failure as the code above the adapters sees it: a {@link StoreConflictException} (the
   * transaction changed nothing and may run again), a {@link StoreUnavailableException} (the
   * database is away or refuses work now) or an {@link IllegalStateException} (a bug).
   */
  RuntimeException translate(SQLException e);

  /** Whether the failure is a unique violation of the named constraint. */
  boolean isUniqueViolation(SQLException e, String constraint);

  /**
   * The {@code select} made a read that locks the rows it reads until the commit; {@code alias}
   * names the table whose rows are locked.
   */
  String lockingRead(String select, String alias);

  /**
   * The {@code select} made a read that takes rows no other transaction is taking, for work that
   * any of several replicas may do: on PostgreSQL it locks them and skips those locked; on Spanner
   * it is the plain read, whose read-write transactions are serializable, so that of two that took
   * the same row one is aborted (a {@link com.saldo.store.StoreConflictException}).
   */
  String claimingRead(String select);

  /**
   * A value as this database binds it: an id is a {@code uuid} on PostgreSQL and its text on
   * Spanner; everything else is itself.
   */
  Object bindable(Object value);

  /**
   * The isolation a transaction that asked for {@code requested} (a {@link java.sql.Connection}
   * constant) runs at: the same or a stronger one.
   */
  int isolation(int requested);
}
