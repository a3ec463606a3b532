package com.saldo.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Proves the settings every connection of the ledger starts with: a statement timeout, so no query
 * holds a connection for ever, and generic plans, so a prepared query is planned once rather than
 * on every execution (the history query cost three times more to plan than to run).
 */
class DatabaseSessionTest extends LedgerServer {

  @Autowired DataSource dataSource;

  @Test
  void everyConnectionHasTheTimeoutAndGenericPlans() throws SQLException {
    for (int i = 0; i < 3; i++) {
      try (Connection c = dataSource.getConnection()) {
        assertThat(show(c, "statement_timeout")).isEqualTo("15s");
        assertThat(show(c, "plan_cache_mode")).isEqualTo("force_generic_plan");
      }
    }
  }

  private static String show(Connection c, String setting) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
