package com.saldo.ledger.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on one connection inside one transaction. */
@FunctionalInterface
public interface SqlWork<T> {

  T run(Connection connection) throws SQLException;
}
