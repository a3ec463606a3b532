package com.saldo.ledger.account.jdbc;

import com.saldo.jdbc.Database;
import com.saldo.ledger.account.Account;
import com.saldo.ledger.account.AccountStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** Reads rows of the {@code accounts} table; the write engine locks and reads them too. */
public final class AccountRows {

  public static final String COLUMNS =
      "a.tenant_id, a.id, a.currency, a.external_ref, a.status, a.min_balance, a.max_balance,"
          + " a.debits_posted, a.credits_posted, a.debits_pending, a.credits_pending,"
          + " a.metadata::text AS metadata, a.created_at, a.updated_at, a.version, a.entry_count,"
          + " a.request_hash";

  private AccountRows() {}

  public static Account read(ResultSet rs) throws SQLException {
    return new Account(
        Database.uuid(rs, "tenant_id"),
        Database.uuid(rs, "id"),
        rs.getString("currency"),
        rs.getString("external_ref"),
        AccountStatus.parse(rs.getString("status")).orElseThrow(),
        rs.getObject("min_balance", Long.class),
        rs.getObject("max_balance", Long.class),
        rs.getLong("debits_posted"),
        rs.getLong("credits_posted"),
        rs.getLong("debits_pending"),
        rs.getLong("credits_pending"),
        rs.getString("metadata"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
        rs.getLong("version"),
        rs.getLong("entry_count"),
        rs.getString("request_hash"));
  }
}
