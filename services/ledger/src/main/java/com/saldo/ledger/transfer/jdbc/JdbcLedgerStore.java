package com.saldo.ledger.transfer.jdbc;

import static com.saldo.jdbc.Database.array;

import com.saldo.jdbc.Database;
import com.saldo.ledger.account.Account;
import com.saldo.ledger.account.AccountKey;
import com.saldo.ledger.account.jdbc.AccountRows;
import com.saldo.ledger.json.TransferView;
import com.saldo.ledger.transfer.Changes;
import com.saldo.ledger.transfer.Entry;
import com.saldo.ledger.transfer.LedgerStore;
import com.saldo.ledger.transfer.Recorded;
import com.saldo.ledger.transfer.Transfer;
import com.saldo.ledger.transfer.TransferEvent;
import com.saldo.ledger.transfer.TransferKey;
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

  private static final ArrayColumns<Recorded> TRANSFERS = LedgerTables.TRANSFERS;
  private static final ArrayColumns<Transfer> TRANSFER_CHANGES = LedgerTables.TRANSFER_CHANGES;
  private static final ArrayColumns<Account> ACCOUNT_CHANGES = LedgerTables.ACCOUNT_CHANGES;
  private static final ArrayColumns<Entry> ENTRIES = LedgerTables.ENTRIES;
  private static final ArrayColumns<Transfer> HOLDS = LedgerTables.HOLDS;
  private static final ArrayColumns<Transfer> HOLD_KEYS = LedgerTables.HOLD_KEYS;
  private final ArrayColumns<TransferEvent> events = LedgerTables.events(this::payload);

  private static final String INSERT_TRANSFERS = TRANSFERS.insert("transfers");
  private static final String UPDATE_TRANSFERS = TRANSFER_CHANGES.update("transfers", 2);
  private static final String UPDATE_ACCOUNTS = ACCOUNT_CHANGES.update("accounts", 2);
  private static final String INSERT_ENTRIES = ENTRIES.insert("entries");
  private static final String INSERT_HOLDS = HOLDS.insert("pending_holds");
  private static final String DELETE_HOLDS = HOLD_KEYS.delete("pending_holds");
  private final String insertEvents = events.insert("outbox");

  private static final String EXPIRED =
      "SELECT tenant_id, transfer_id FROM pending_holds WHERE expires_at <= ?"
          + " ORDER BY expires_at LIMIT ?";

  private final Database transactions;
  private final JsonMapper json;

  public JdbcLedgerStore(Database transactions, JsonMapper json) {
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
        ps.setArray(1, array(c, "uuid", columns[0]));
        ps.setArray(2, array(c, "uuid", columns[1]));
        try (ResultSet rs = ps.executeQuery()) {
          return recorded(rs);
        }
      } catch (SQLException e) {
        throw transactions.dialect().translate(e);
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
        ps.setArray(1, array(c, "uuid", found[0]));
        ps.setArray(2, array(c, "uuid", found[1]));
        ps.setArray(3, array(c, "uuid", locking[0]));
        ps.setArray(4, array(c, "uuid", locking[1]));
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
        throw transactions.dialect().translate(e);
      }
    }

    @Override
    public Map<AccountKey, Account> lockAccounts(SortedSet<AccountKey> keys) {
      if (keys.isEmpty()) {
        return Map.of();
      }
      try (PreparedStatement ps = c.prepareStatement(LOCK)) {
        Object[][] columns = accountKeys(keys);
        ps.setArray(1, array(c, "uuid", columns[0]));
        ps.setArray(2, array(c, "uuid", columns[1]));
        try (ResultSet rs = ps.executeQuery()) {
          return accounts(rs);
        }
      } catch (SQLException e) {
        throw transactions.dialect().translate(e);
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
      add(statements, INSERT_TRANSFERS, TRANSFERS, changes.inserted());
      add(statements, UPDATE_TRANSFERS, TRANSFER_CHANGES, changes.updated());
      add(statements, UPDATE_ACCOUNTS, ACCOUNT_CHANGES, changes.accounts());
      add(statements, INSERT_ENTRIES, ENTRIES, changes.entries());
      add(statements, INSERT_HOLDS, HOLDS, changes.holdsOpened());
      add(statements, DELETE_HOLDS, HOLD_KEYS, changes.holdsClosed());
      add(statements, insertEvents, events, changes.events());
      try {
        execute(statements);
      } catch (SQLException e) {
        throw transactions.dialect().translate(e);
      }
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

  /** One array statement of a write: its rows travel column by column. */
  private record Statement(String sql, String[] types, Object[][] columns, int expected) {}

  private static <T> void add(
      List<Statement> statements, String sql, ArrayColumns<T> columns, List<? extends T> rows) {
    if (!rows.isEmpty()) {
      statements.add(new Statement(sql, columns.types(), columns.values(rows), rows.size()));
    }
  }

  private String payload(TransferEvent event) {
    return json.writeValueAsString(TransferView.of(event.transfer()));
  }

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
