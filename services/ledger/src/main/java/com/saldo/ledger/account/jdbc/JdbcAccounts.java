package com.saldo.ledger.account.jdbc;

import com.saldo.jdbc.Database;
import com.saldo.ledger.account.Account;
import com.saldo.ledger.account.AccountKey;
import com.saldo.ledger.account.AccountOutcome;
import com.saldo.ledger.account.Accounts;
import com.saldo.ledger.account.Accounts.MetadataMatch;
import com.saldo.ledger.account.NewAccount;
import com.saldo.ledger.jdbc.LedgerSql;
import com.saldo.ledger.json.AccountView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/** Accounts in PostgreSQL; every insert and change writes its event in the same transaction. */
public final class JdbcAccounts implements Accounts {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Database transactions;
  private final LedgerSql sql;
  private final JsonMapper json;
  private final Supplier<UUID> ids;
  private final String insert;
  private final String find;
  private final String update;

  public JdbcAccounts(Database transactions, JsonMapper json, Supplier<UUID> ids) {
    this.transactions = transactions;
    this.sql = LedgerSql.of(transactions.dialect());
    this.json = json;
    this.ids = ids;
    String id = sql.accountId();
    this.insert =
        "INSERT INTO accounts (tenant_id, "
            + id
            + ", currency, external_ref, status, min_balance, max_balance, debits_posted,"
            + " credits_posted, debits_pending, credits_pending, metadata, request_hash, created_at,"
            + " updated_at, version, entry_count)"
            + " VALUES (?, ?, ?, ?, 'active', ?, ?, 0, 0, 0, 0, ?::jsonb, ?, ?, ?, 1, 0)"
            + " ON CONFLICT (tenant_id, "
            + id
            + ") DO NOTHING";
    this.find =
        "SELECT "
            + sql.accountColumns(AccountRows.COLUMNS)
            + " FROM accounts a WHERE a.tenant_id = ? AND a."
            + id
            + " = ?";
    this.update =
        "UPDATE accounts SET status = ?, min_balance = ?, max_balance = ?, metadata = ?::jsonb,"
            + " updated_at = ?, version = ? WHERE tenant_id = ? AND "
            + id
            + " = ?";
  }

  @Override
  public Insertion insert(NewAccount a, Instant now) {
    try {
      return transactions.inTransaction(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(insert)) {
              ps.setObject(1, sql.id(a.tenantId()));
              ps.setObject(2, sql.id(a.id()));
              ps.setString(3, a.currency());
              ps.setString(4, a.externalRef());
              ps.setObject(5, a.minBalance());
              ps.setObject(6, a.maxBalance());
              ps.setString(7, a.metadata());
              ps.setString(8, a.requestHash());
              ps.setObject(9, time(now));
              ps.setObject(10, time(now));
              if (insertOrThrow(ps) == 0) {
                return new Insertion.IdTaken(find(c, a.key()).orElseThrow());
              }
            }
            Account account = find(c, a.key()).orElseThrow();
            event(c, "account.created", account, now);
            return new Insertion.Inserted(account);
          });
    } catch (ExternalRefTaken e) {
      return new Insertion.ExternalRefTaken();
    }
  }

  @Override
  public Optional<Account> find(AccountKey key) {
    return transactions.read(c -> find(c, key));
  }

  @Override
  public List<Account> list(
      UUID tenantId, String externalRef, MetadataMatch metadata, UUID after, int limit) {
    StringBuilder select =
        new StringBuilder("SELECT ")
            .append(sql.accountColumns(AccountRows.COLUMNS))
            .append(" FROM accounts a WHERE a.tenant_id = ?");
    List<Object> args = new ArrayList<>(List.of(tenantId));
    if (externalRef != null) {
      select.append(" AND a.external_ref = ?");
      args.add(externalRef);
    }
    if (metadata != null) {
      // the value as text, or as the JSON number or boolean it spells (a loyalty tier stored as 3
      // is found by "3")
      List<String> shapes = new ArrayList<>();
      shapes.add(JSON.writeValueAsString(java.util.Map.of(metadata.key(), metadata.value())));
      if (metadata.value().matches("-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,12})?|true|false")) {
        shapes.add("{" + JSON.writeValueAsString(metadata.key()) + ":" + metadata.value() + "}");
      }
      LedgerSql.Condition match = sql.metadataEquals(metadata.key(), metadata.value(), shapes);
      select.append(" AND ").append(match.sql());
      args.addAll(match.args());
    }
    if (after != null) {
      select.append(" AND a.").append(sql.accountId()).append(" > ?");
      args.add(after);
    }
    select.append(" ORDER BY a.").append(sql.accountId()).append(" LIMIT ?");
    args.add(limit);
    return transactions.query(select.toString(), args, AccountRows::read);
  }

  @Override
  public AccountOutcome change(
      AccountKey key, Function<Optional<Account>, AccountOutcome> decide, Instant now) {
    return transactions.inTransaction(
        c -> {
          Optional<Account> current;
          try (PreparedStatement ps =
              c.prepareStatement(transactions.dialect().lockingRead(find, "a"))) {
            ps.setObject(1, sql.id(key.tenantId()));
            ps.setObject(2, sql.id(key.id()));
            try (ResultSet rs = ps.executeQuery()) {
              current = rs.next() ? Optional.of(AccountRows.read(rs)) : Optional.empty();
            }
          }
          AccountOutcome outcome = decide.apply(current);
          if (outcome instanceof AccountOutcome.Done(Account changed)) {
            try (PreparedStatement ps = c.prepareStatement(update)) {
              ps.setString(1, changed.status().wire());
              ps.setObject(2, changed.minBalance());
              ps.setObject(3, changed.maxBalance());
              ps.setString(4, changed.metadata());
              ps.setObject(5, time(changed.updatedAt()));
              ps.setLong(6, changed.version());
              ps.setObject(7, sql.id(key.tenantId()));
              ps.setObject(8, sql.id(key.id()));
              ps.executeUpdate();
            }
            event(c, "account.updated", changed, now);
          }
          return outcome;
        });
  }

  private int insertOrThrow(PreparedStatement insert) throws SQLException {
    try {
      return insert.executeUpdate();
    } catch (SQLException e) {
      if (transactions.dialect().isUniqueViolation(e, "accounts_external_ref_unique")) {
        throw new ExternalRefTaken();
      }
      throw e;
    }
  }

  private Optional<Account> find(Connection c, AccountKey key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(find)) {
      ps.setObject(1, sql.id(key.tenantId()));
      ps.setObject(2, sql.id(key.id()));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(AccountRows.read(rs)) : Optional.empty();
      }
    }
  }

  private void event(Connection c, String type, Account account, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql.outboxInsert())) {
      ps.setObject(1, sql.id(ids.get()));
      ps.setObject(2, sql.id(account.tenantId()));
      ps.setString(3, type);
      ps.setObject(4, sql.id(account.id()));
      ps.setString(5, json.writeValueAsString(AccountView.of(account)));
      ps.setObject(6, time(now));
      ps.executeUpdate();
    }
  }

  private static OffsetDateTime time(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** The insert hit another account's external reference; the transaction rolls back. */
  private static final class ExternalRefTaken extends RuntimeException {
    ExternalRefTaken() {
      super("external reference taken", null, false, false);
    }
  }
}
