package com.saldo.ledger.transfer.jdbc;

import static com.saldo.ledger.store.jdbc.JdbcTransactions.uuids;
import static com.saldo.ledger.transfer.jdbc.TransferRows.text;

import com.saldo.ledger.account.Account;
import com.saldo.ledger.account.AccountKey;
import com.saldo.ledger.account.jdbc.AccountRows;
import com.saldo.ledger.json.TransferView;
import com.saldo.ledger.store.jdbc.JdbcTransactions;
import com.saldo.ledger.transfer.Changes;
import com.saldo.ledger.transfer.Entry;
import com.saldo.ledger.transfer.LedgerStore;
import com.saldo.ledger.transfer.Recorded;
import com.saldo.ledger.transfer.RejectedTransfer;
import com.saldo.ledger.transfer.Transfer;
import com.saldo.ledger.transfer.TransferEvent;
import com.saldo.ledger.transfer.TransferKey;
import com.saldo.ledger.transfer.TransferRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write engine's store in PostgreSQL. Each step of a batch is one statement whatever the
 * batch's size: keys and rows travel as arrays and are expanded with {@code unnest}.
 */
public final class JdbcLedgerStore implements LedgerStore {

  private static final String FIND =
      "SELECT "
          + TransferRows.COLUMNS
          + " FROM transfers t JOIN unnest(?::uuid[], ?::uuid[]) AS k(tenant_id, id)"
          + " ON t.tenant_id = k.tenant_id AND t.id = k.id";

  private static final String LOCK =
      "SELECT "
          + AccountRows.COLUMNS
          + " FROM accounts a JOIN unnest(?::uuid[], ?::uuid[]) AS k(tenant_id, id)"
          + " ON a.tenant_id = k.tenant_id AND a.id = k.id"
          + " ORDER BY a.tenant_id, a.id FOR UPDATE OF a";

  private static final String INSERT_TRANSFERS =
      "INSERT INTO transfers (tenant_id, id, debit_account_id, credit_account_id, amount,"
          + " currency, kind, status, rejection, rejection_detail, hold_timeout_seconds,"
          + " captured_amount, refund_of, refunded_amount, hold_expires_at, reference, metadata,"
          + " request_hash, created_at, updated_at)"
          + " SELECT u.tenant_id, u.id, u.debit, u.credit, u.amount, u.currency, u.kind, u.status,"
          + " u.rejection, u.detail, u.timeout, u.captured, u.refund_of, u.refunded,"
          + " u.expires::timestamptz, u.reference, u.metadata::jsonb, u.hash,"
          + " u.created::timestamptz, u.updated::timestamptz"
          + " FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::int8[], ?::text[],"
          + " ?::text[], ?::text[], ?::text[], ?::text[], ?::int8[], ?::int8[], ?::uuid[],"
          + " ?::int8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
          + " AS u(tenant_id, id, debit, credit, amount, currency, kind, status, rejection, detail,"
          + " timeout, captured, refund_of, refunded, expires, reference, metadata, hash, created,"
          + " updated)";

  private static final String UPDATE_TRANSFERS =
      "UPDATE transfers t SET status = u.status, captured_amount = u.captured,"
          + " refunded_amount = u.refunded, updated_at = u.updated::timestamptz"
          + " FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::int8[], ?::int8[], ?::text[])"
          + " AS u(tenant_id, id, status, captured, refunded, updated)"
          + " WHERE t.tenant_id = u.tenant_id AND t.id = u.id";

  private static final String UPDATE_ACCOUNTS =
      "UPDATE accounts a SET debits_posted = u.dp, credits_posted = u.cp, debits_pending = u.dq,"
          + " credits_pending = u.cq, version = u.version, entry_count = u.entries,"
          + " updated_at = u.updated::timestamptz"
          + " FROM unnest(?::uuid[], ?::uuid[], ?::int8[], ?::int8[], ?::int8[], ?::int8[],"
          + " ?::int8[], ?::int8[], ?::text[])"
          + " AS u(tenant_id, id, dp, cp, dq, cq, version, entries, updated)"
          + " WHERE a.tenant_id = u.tenant_id AND a.id = u.id";

  private static final String INSERT_ENTRIES =
      "INSERT INTO entries (tenant_id, account_id, seq, transfer_id, amount, balance_after,"
          + " created_at)"
          + " SELECT u.tenant_id, u.account_id, u.seq, u.transfer_id, u.amount, u.balance, ?"
          + " FROM unnest(?::uuid[], ?::uuid[], ?::int8[], ?::uuid[], ?::int8[], ?::int8[])"
          + " AS u(tenant_id, account_id, seq, transfer_id, amount, balance)";

  private static final String INSERT_HOLDS =
      "INSERT INTO pending_holds (tenant_id, transfer_id, expires_at)"
          + " SELECT u.tenant_id, u.id, u.expires::timestamptz"
          + " FROM unnest(?::uuid[], ?::uuid[], ?::text[]) AS u(tenant_id, id, expires)";

  private static final String DELETE_HOLDS =
      "DELETE FROM pending_holds p USING unnest(?::uuid[], ?::uuid[]) AS u(tenant_id, id)"
          + " WHERE p.tenant_id = u.tenant_id AND p.transfer_id = u.id";

  private static final String INSERT_EVENTS =
      "INSERT INTO outbox (id, tenant_id, type, subject_id, payload, created_at, position)"
          + " SELECT u.id, u.tenant_id, u.type, u.subject, u.payload::json, ?, u.position"
          + " FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::text[]) WITH ORDINALITY"
          + " AS u(id, tenant_id, type, subject, payload, position)";

  private static final String EXPIRED =
      "SELECT tenant_id, transfer_id FROM pending_holds WHERE expires_at <= ?"
          + " ORDER BY expires_at LIMIT ?";

  private final JdbcTransactions transactions;
  private final JsonMapper json;

  public JdbcLedgerStore(JdbcTransactions transactions, JsonMapper json) {
    this.transactions = transactions;
    this.json = json;
  }

  @Override
  public <T> T inTransaction(Function<Session, T> work) {
    return transactions.inTransaction(connection -> work.apply(new JdbcSession(connection)));
  }

  @Override
  public List<TransferKey> expiredHolds(Instant now, int limit) {
    return transactions.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(EXPIRED)) {
            ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.setInt(2, limit);
            List<TransferKey> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                keys.add(new TransferKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
              }
            }
            return keys;
          }
        });
  }

  private final class JdbcSession implements Session {
    private final Connection c;

    JdbcSession(Connection connection) {
      this.c = connection;
    }

    @Override
    public Map<TransferKey, Recorded> findTransfers(Set<TransferKey> keys) {
      if (keys.isEmpty()) {
        return Map.of();
      }
      try (PreparedStatement ps = c.prepareStatement(FIND)) {
        Object[][] columns = transferKeys(keys);
        ps.setArray(1, uuids(c, columns[0]));
        ps.setArray(2, uuids(c, columns[1]));
        try (ResultSet rs = ps.executeQuery()) {
          return recorded(rs);
        }
      } catch (SQLException e) {
        throw JdbcTransactions.translate(e);
      }
    }

    /** Both queries in one pipelined request: one round trip instead of two. */
    @Override
    public FoundAndLocked findAndLock(Set<TransferKey> keys, SortedSet<AccountKey> accounts) {
      if (keys.isEmpty() || accounts.isEmpty()) {
        return new FoundAndLocked(findTransfers(keys), lockAccounts(accounts));
      }
      try (PreparedStatement ps = c.prepareStatement(FIND + ";\n" + LOCK)) {
        Object[][] found = transferKeys(keys);
        Object[][] locking = accountKeys(accounts);
        ps.setArray(1, uuids(c, found[0]));
        ps.setArray(2, uuids(c, found[1]));
        ps.setArray(3, uuids(c, locking[0]));
        ps.setArray(4, uuids(c, locking[1]));
        if (!ps.execute()) {
          throw new IllegalStateException("the lookup of known ids gave no result set");
        }
        Map<TransferKey, Recorded> known;
        try (ResultSet rs = ps.getResultSet()) {
          known = recorded(rs);
        }
        if (!ps.getMoreResults()) {
          throw new IllegalStateException("the account lock gave no result set");
        }
        try (ResultSet rs = ps.getResultSet()) {
          return new FoundAndLocked(known, accounts(rs));
        }
      } catch (SQLException e) {
        throw JdbcTransactions.translate(e);
      }
    }

    @Override
    public Map<AccountKey, Account> lockAccounts(SortedSet<AccountKey> keys) {
      if (keys.isEmpty()) {
        return Map.of();
      }
      try (PreparedStatement ps = c.prepareStatement(LOCK)) {
        Object[][] columns = accountKeys(keys);
        ps.setArray(1, uuids(c, columns[0]));
        ps.setArray(2, uuids(c, columns[1]));
        try (ResultSet rs = ps.executeQuery()) {
          return accounts(rs);
        }
      } catch (SQLException e) {
        throw JdbcTransactions.translate(e);
      }
    }

    /**
     * Writes every change in one round trip: the statements that have rows are sent together and
     * run in order (transfers before the entries and holds that refer to them); the first that
     * fails aborts the transaction and the rest are skipped.
     */
    @Override
    public void write(Changes changes) {
      List<Statement> statements = new ArrayList<>(7);
      insertTransfers(changes.inserted(), statements);
      updateTransfers(changes.updated(), statements);
      updateAccounts(changes.accounts(), statements);
      insertEntries(changes.entries(), statements);
      insertHolds(changes.holdsOpened(), statements);
      deleteHolds(changes.holdsClosed(), statements);
      insertEvents(changes.events(), statements);
      try {
        execute(statements);
      } catch (SQLException e) {
        throw JdbcTransactions.translate(e);
      }
    }

    private void insertTransfers(List<Recorded> rows, List<Statement> statements) {
      if (rows.isEmpty()) {
        return;
      }
      int n = rows.size();
      Object[][] col = new Object[20][n];
      for (int i = 0; i < n; i++) {
        switch (rows.get(i)) {
          case Transfer t -> {
            col[0][i] = t.tenantId();
            col[1][i] = t.id();
            col[2][i] = t.debitAccountId();
            col[3][i] = t.creditAccountId();
            col[4][i] = t.amount();
            col[5][i] = t.currency();
            col[6][i] = t.kind().wire();
            col[7][i] = t.status().wire();
            col[10][i] =
                t.isHold()
                    ? t.holdExpiresAt().getEpochSecond() - t.createdAt().getEpochSecond()
                    : 0L;
            col[11][i] = t.capturedAmount();
            col[12][i] = t.refundOf();
            col[13][i] = t.refundedAmount();
            col[14][i] = text(t.holdExpiresAt());
            col[15][i] = t.reference();
            col[16][i] = t.metadata();
            col[17][i] = t.requestHash();
            col[18][i] = text(t.createdAt());
            col[19][i] = text(t.updatedAt());
          }
          case RejectedTransfer r -> {
            TransferRequest q = r.request();
            col[0][i] = q.tenantId();
            col[1][i] = q.id();
            col[2][i] = q.debitAccountId();
            col[3][i] = q.creditAccountId();
            col[4][i] = q.amount();
            col[5][i] = q.currency();
            col[6][i] = q.kind().wire();
            col[7][i] = "rejected";
            col[8][i] = r.reason().code();
            col[9][i] = r.detail();
            col[10][i] = q.holdTimeoutSeconds();
            col[12][i] = q.refundOf();
            col[13][i] = 0L;
            col[15][i] = q.reference();
            col[16][i] = q.metadata();
            col[17][i] = q.requestHash();
            col[18][i] = text(r.createdAt());
            col[19][i] = text(r.createdAt());
          }
        }
      }
      String[] types = {
        "uuid", "uuid", "uuid", "uuid", "int8", "text", "text", "text", "text", "text", "int8",
        "int8", "uuid", "int8", "text", "text", "text", "text", "text", "text"
      };
      statements.add(new Statement(INSERT_TRANSFERS, null, types, col, n));
    }

    private void updateTransfers(List<Transfer> rows, List<Statement> statements) {
      if (rows.isEmpty()) {
        return;
      }
      int n = rows.size();
      Object[][] col = new Object[6][n];
      for (int i = 0; i < n; i++) {
        Transfer t = rows.get(i);
        col[0][i] = t.tenantId();
        col[1][i] = t.id();
        col[2][i] = t.status().wire();
        col[3][i] = t.capturedAmount();
        col[4][i] = t.refundedAmount();
        col[5][i] = text(t.updatedAt());
      }
      statements.add(
          new Statement(
              UPDATE_TRANSFERS,
              null,
              new String[] {"uuid", "uuid", "text", "int8", "int8", "text"},
              col,
              n));
    }

    private void updateAccounts(List<Account> rows, List<Statement> statements) {
      if (rows.isEmpty()) {
        return;
      }
      int n = rows.size();
      Object[][] col = new Object[9][n];
      for (int i = 0; i < n; i++) {
        Account a = rows.get(i);
        col[0][i] = a.tenantId();
        col[1][i] = a.id();
        col[2][i] = a.debitsPosted();
        col[3][i] = a.creditsPosted();
        col[4][i] = a.debitsPending();
        col[5][i] = a.creditsPending();
        col[6][i] = a.version();
        col[7][i] = a.entryCount();
        col[8][i] = text(a.updatedAt());
      }
      String[] types = {"uuid", "uuid", "int8", "int8", "int8", "int8", "int8", "int8", "text"};
      statements.add(new Statement(UPDATE_ACCOUNTS, null, types, col, n));
    }

    private void insertEntries(List<Entry> rows, List<Statement> statements) {
      if (rows.isEmpty()) {
        return;
      }
      int n = rows.size();
      Object[][] col = new Object[6][n];
      for (int i = 0; i < n; i++) {
        Entry e = rows.get(i);
        col[0][i] = e.tenantId();
        col[1][i] = e.accountId();
        col[2][i] = e.seq();
        col[3][i] = e.transferId();
        col[4][i] = e.amount();
        col[5][i] = e.balanceAfter();
      }
      String[] types = {"uuid", "uuid", "int8", "uuid", "int8", "int8"};
      statements.add(new Statement(INSERT_ENTRIES, rows.getFirst().createdAt(), types, col, n));
    }

    private void insertHolds(List<Transfer> rows, List<Statement> statements) {
      if (rows.isEmpty()) {
        return;
      }
      int n = rows.size();
      Object[][] col = new Object[3][n];
      for (int i = 0; i < n; i++) {
        col[0][i] = rows.get(i).tenantId();
        col[1][i] = rows.get(i).id();
        col[2][i] = text(rows.get(i).holdExpiresAt());
      }
      statements.add(
          new Statement(INSERT_HOLDS, null, new String[] {"uuid", "uuid", "text"}, col, n));
    }

    private void deleteHolds(List<Transfer> rows, List<Statement> statements) {
      if (rows.isEmpty()) {
        return;
      }
      int n = rows.size();
      Object[][] col = new Object[2][n];
      for (int i = 0; i < n; i++) {
        col[0][i] = rows.get(i).tenantId();
        col[1][i] = rows.get(i).id();
      }
      statements.add(new Statement(DELETE_HOLDS, null, new String[] {"uuid", "uuid"}, col, n));
    }

    private void insertEvents(List<TransferEvent> rows, List<Statement> statements) {
      if (rows.isEmpty()) {
        return;
      }
      int n = rows.size();
      Object[][] col = new Object[5][n];
      for (int i = 0; i < n; i++) {
        TransferEvent e = rows.get(i);
        col[0][i] = e.id();
        col[1][i] = e.transfer().tenantId();
        col[2][i] = e.type();
        col[3][i] = e.transfer().id();
        col[4][i] = json.writeValueAsString(TransferView.of(e.transfer()));
      }
      String[] types = {"uuid", "uuid", "text", "uuid", "text"};
      statements.add(new Statement(INSERT_EVENTS, rows.getFirst().createdAt(), types, col, n));
    }

    /**
     * Sends the statements as one multi-statement request (pgjdbc pipelines them: one round trip,
     * one sync) and checks that each touched exactly the rows it was given.
     */
    private void execute(List<Statement> statements) throws SQLException {
      if (statements.isEmpty()) {
        return;
      }
      String sql = String.join(";\n", statements.stream().map(Statement::sql).toList());
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int p = 1;
        for (Statement statement : statements) {
          if (statement.first() != null) {
            ps.setObject(p++, OffsetDateTime.ofInstant(statement.first(), ZoneOffset.UTC));
          }
          for (int i = 0; i < statement.columns().length; i++) {
            ps.setArray(p++, c.createArrayOf(statement.types()[i], statement.columns()[i]));
          }
        }
        ps.execute();
        for (int i = 0; i < statements.size(); i++) {
          if (i > 0 && ps.getMoreResults()) {
            throw new IllegalStateException("a write returned rows: " + statements.get(i).sql());
          }
          int touched = ps.getUpdateCount();
          if (touched != statements.get(i).expected()) {
            throw new IllegalStateException(
                "expected "
                    + statements.get(i).expected()
                    + " rows, touched "
                    + touched
                    + ": "
                    + statements.get(i).sql());
          }
        }
      }
    }
  }

  /**
   * One array statement of a write: its rows travel column by column; a time given as {@code first}
   * is bound as its first parameter.
   */
  private record Statement(
      String sql, Instant first, String[] types, Object[][] columns, int expected) {}

  private static Map<TransferKey, Recorded> recorded(ResultSet rs) throws SQLException {
    Map<TransferKey, Recorded> found = new HashMap<>();
    while (rs.next()) {
      Recorded recorded = TransferRows.read(rs);
      found.put(recorded.key(), recorded);
    }
    return found;
  }

  private static Map<AccountKey, Account> accounts(ResultSet rs) throws SQLException {
    Map<AccountKey, Account> locked = new LinkedHashMap<>();
    while (rs.next()) {
      Account account = AccountRows.read(rs);
      locked.put(account.key(), account);
    }
    return locked;
  }

  private static Object[][] transferKeys(Set<TransferKey> keys) {
    return columns(keys, TransferKey::tenantId, TransferKey::id);
  }

  private static Object[][] accountKeys(SortedSet<AccountKey> keys) {
    return columns(keys, AccountKey::tenantId, AccountKey::id);
  }

  /** Keys as two columns, tenant ids and ids, for a pair of {@code uuid[]} parameters. */
  private static <K> Object[][] columns(
      java.util.Collection<K> keys, Function<K, UUID> tenantId, Function<K, UUID> id) {
    Object[][] columns = new Object[2][keys.size()];
    int i = 0;
    for (K key : keys) {
      columns[0][i] = tenantId.apply(key);
      columns[1][i++] = id.apply(key);
    }
    return columns;
  }
}
