package com.saldo.ledger.store.jdbc;

import com.saldo.ledger.store.StoreConflictException;
import com.saldo.ledger.store.StoreUnavailableException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;

/**
 * Runs work in a transaction (committed when it returns, rolled back when it throws) and turns SQL
 * failures into {@link StoreConflictException} (worth a retry of the whole transaction), {@link
 * StoreUnavailableException} (the database is away) or, for anything else, an {@link
 * IllegalStateException}: a bug.
 */
public final class JdbcTransactions {

  private final DataSource dataSource;

  public JdbcTransactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public <T> T inTransaction(SqlWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollback(connection);
        throw e;
      }
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  /** Runs a read on a connection of its own, outside any explicit transaction. */
  public <T> T read(SqlWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      return work.run(connection);
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  /** Reads one row of a result. */
  @FunctionalInterface
  public interface Row<T> {
    T read(java.sql.ResultSet rs) throws SQLException;
  }

  /** Runs a query with positional arguments and reads every row. */
  public <T> java.util.List<T> query(String sql, java.util.List<Object> args, Row<T> row) {
    return read(
        c -> {
          try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
              ps.setObject(i + 1, args.get(i));
            }
            java.util.List<T> rows = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(row.read(rs));
              }
            }
            return rows;
          }
        });
  }

  private static void rollback(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // The connection is broken; the pool discards it and the database rolls back.
    }
  }

  public static RuntimeException translate(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (e instanceof SQLTransientConnectionException
        || state.startsWith("08")
        || state.startsWith("57P")
        || state.equals("53300")
        || state.equals("25006")
        || state.equals("57014")) {
      return new StoreUnavailableException("database unavailable (" + state + ")", e);
    }
    if (state.equals("40001")
        || state.equals("40P01")
        || state.equals("23505")
        || state.equals("55P03")) {
      return new StoreConflictException("transaction conflict (" + state + ")", e);
    }
    return new IllegalStateException("database failure (" + state + ")", e);
  }

  public static boolean isUniqueViolation(SQLException e, String constraint) {
    return "23505".equals(e.getSQLState())
        && e.getMessage() != null
        && e.getMessage().contains(constraint);
  }

  public static Array uuids(Connection c, Object[] values) throws SQLException {
    return c.createArrayOf("uuid", values);
  }
}
