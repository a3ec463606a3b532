package com.saldo.jdbc;

import com.saldo.store.StoreConflictException;
import com.saldo.store.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** PostgreSQL's failures by SQLSTATE, and its row locks. */
final class PostgresDialect implements Dialect {

  @Override
  public RuntimeException translate(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (e instanceof SQLTransientConnectionException
        || state.startsWith("08") // connection exception
        || state.startsWith("57P") // operator intervention: shutdown, crash, cannot connect now
        || state.equals("53300") // too many connections
        || state.equals("25006") // read-only transaction: a standby, or a primary demoted
        || state.equals("57014")) { // query canceled: a statement timeout
      return new StoreUnavailableException("database unavailable (" + state + ")", e);
    }
    if (state.equals("40001") // serialization failure
        || state.equals("40P01") // deadlock
        || state.equals("23505") // unique violation: a concurrent insert of the same key
        || state.equals("55P03")) { // lock not available
      return new StoreConflictException("transaction conflict (" + state + ")", e);
    }
    return new IllegalStateException("database failure (" + state + ")", e);
  }

  @Override
  public boolean isUniqueViolation(SQLException e, String constraint) {
    return "23505".equals(e.getSQLState())
        && e.getMessage() != null
        && e.getMessage().contains(constraint);
  }

  @Override
  public String lockingRead(String select, String alias) {
    return select + " FOR UPDATE OF " + alias;
  }

  @Override
  public String claimingRead(String select) {
    return select + " FOR UPDATE SKIP LOCKED";
  }

  @Override
  public Object bindable(Object value) {
    return value;
  }

  @Override
  public int isolation(int requested) {
    return requested;
  }
}
