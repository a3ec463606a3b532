package com.saldo.ledger.transfer.jdbc;

import com.google.cloud.Timestamp;
import com.google.cloud.spanner.Mutation;
import com.google.cloud.spanner.Value;
import com.google.cloud.spanner.ValueBinder;
import com.google.cloud.spanner.jdbc.CloudSpannerJdbcConnection;
import com.saldo.jdbc.Database;
import com.saldo.ledger.account.Account;
import com.saldo.ledger.account.AccountKey;
import com.saldo.ledger.account.jdbc.AccountRows;
import com.saldo.ledger.json.TransferView;
import com.saldo.ledger.transfer.Changes;
import com.saldo.ledger.transfer.LedgerStore;
import com.saldo.ledger.transfer.Recorded;
import com.saldo.ledger.transfer.TransferEvent;
import com.saldo.ledger.transfer.TransferKey;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write engine's store on Spanner's PostgreSQL dialect. A batch is one read-write transaction,
 * as on PostgreSQL: the known ids and the accounts are read with one statement each (a seek per
 * tenant, the accounts under exclusive locks), and every change goes in one DML batch, one round
 * trip, whatever the batch's size. A transaction Spanner aborts surfaces as a conflict and the
 * engine runs the whole batch again; nothing is answered before the commit.
 */
public final class SpannerLedgerStore implements LedgerStore {

  /** The sweeper reads each of the holds index's shards (db/spanner/V1__ledger.sql). */
  static final int HOLD_SHARDS = 16;

  private static final String ACCOUNT_COLUMNS =
      AccountRows.COLUMNS.replace("a.id,", "a.account_id AS id,");
  private static final ArrayColumns<Account> ACCOUNT_CHANGES =
      LedgerTables.ACCOUNT_CHANGES.renamed("id", "account_id");

  private static final String INSERT_TRANSFERS =
      LedgerTables.TRANSFERS.rowInsert("transfers", Map.of());
  private static final String UPDATE_TRANSFERS =
      LedgerTables.TRANSFER_CHANGES.rowUpdate("transfers", 2);
  private static final String UPDATE_ACCOUNTS = ACCOUNT_CHANGES.rowUpdate("accounts", 2);
  private static final String INSERT_ENTRIES = LedgerTables.ENTRIES.rowInsert("entries", Map.of());
  private static final String INSERT_HOLDS =
      LedgerTables.HOLDS.rowInsert("pending_holds", Map.of());
  private static final String DELETE_HOLDS = LedgerTables.HOLD_KEYS.rowDelete("pending_holds");
  private static final String EXPIRED =
      "SELECT tenant_id, transfer_id FROM pending_holds"
          + " WHERE shard = ANY(?) AND expires_at <= ? ORDER BY expires_at LIMIT ?";

  private final Database database;
  private final JsonMapper json;
  private final ArrayColumns<TransferEvent> events = LedgerTables.events(this::payload);

  public SpannerLedgerStore(Database database, JsonMapper json) {
    this.database = database;
    this.json = json;
  }

  @Override
  public <T> T inTransaction(Function<Session, T> work) {
    return database.inTransaction(c -> work.apply(new SpannerSession(c)));
  }

  @Override
  public List<TransferKey> expiredHolds(Instant now, int limit) {
    return database.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(EXPIRED)) {
            ps.setArray(
                1,
                c.createArrayOf(
                    "bigint", LongStream.range(0, HOLD_SHARDS).boxed().toArray(Long[]::new)));
            ps.setObject(2, Database.time(now));
            ps.setLong(3, limit);
            List<TransferKey> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                keys.add(
                    new TransferKey(
                        Database.uuid(rs, "tenant_id"), Database.uuid(rs, "transfer_id")));
              }
            }
            return keys;
          }
        });
  }

  private final class SpannerSession implements Session {
    private final Connection c;

    SpannerSession(Connection connection) {
      this.c = connection;
    }

    @Override
    public Map<TransferKey, Recorded> findTransfers(Set<TransferKey> keys) {
      if (keys.isEmpty()) {
        return Map.of();
      }
      Map<UUID, List<UUID>> byTenant = byTenant(keys, TransferKey::tenantId, TransferKey::id);
      String sql =
          byTenant.keySet().stream()
              .map(
                  tenant ->
                      "SELECT "
                          + TransferRows.COLUMNS
                          + " FROM transfers t WHERE t.tenant_id = ? AND t.id = ANY(?)")
              .collect(Collectors.joining(" UNION ALL "));
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bindByTenant(ps, byTenant);
        Map<TransferKey, Recorded> found = new HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Recorded recorded = TransferRows.read(rs);
            found.put(recorded.key(), recorded);
          }
        }
        return found;
      } catch (SQLException e) {
        throw database.dialect().translate(e);
      }
    }

    @Override
    public Map<AccountKey, Account> lockAccounts(SortedSet<AccountKey> keys) {
      if (keys.isEmpty()) {
        return Map.of();
      }
      Map<UUID, List<UUID>> byTenant = byTenant(keys, AccountKey::tenantId, AccountKey::id);
      String select =
          byTenant.keySet().stream()
              .map(
                  tenant ->
                      "SELECT "
                          + ACCOUNT_COLUMNS
                          + " FROM accounts a WHERE a.tenant_id = ? AND a.account_id = ANY(?)")
              .collect(Collectors.joining(" UNION ALL "));
      try (PreparedStatement ps = c.prepareStatement(database.dialect().lockingRead(select, "a"))) {
        bindByTenant(ps, byTenant);
        Map<AccountKey, Account> locked = new TreeMap<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Account account = AccountRows.read(rs);
            locked.put(account.key(), account);
          }
        }
        return new LinkedHashMap<>(locked);
      } catch (SQLException e) {
        throw database.dialect().translate(e);
      }
    }

    /**
     * Every change in one DML batch, one round trip: the statements run in order (transfers before
     * the entries and holds that refer to them), each must touch exactly one row, and the first
     * that fails fails the batch, which the transaction then rolls back.
     */
    @Override
    public void write(Changes changes) {
      try (Statement batch = c.createStatement()) {
        List<PreparedStatement> open = new ArrayList<>(7);
        int expected = 0;
        try {
          batch.execute("START BATCH DML");
          expected += add(open, INSERT_TRANSFERS, LedgerTables.TRANSFERS, changes.inserted(), 0);
          expected +=
              add(open, UPDATE_TRANSFERS, LedgerTables.TRANSFER_CHANGES, changes.updated(), 2);
          expected += add(open, UPDATE_ACCOUNTS, ACCOUNT_CHANGES, changes.accounts(), 2);
          expected += add(open, INSERT_ENTRIES, LedgerTables.ENTRIES, changes.entries(), 0);
          expected += add(open, INSERT_HOLDS, LedgerTables.HOLDS, changes.holdsOpened(), 0);
          expected +=
              add(
                  open,
                  DELETE_HOLDS,
                  LedgerTables.HOLD_KEYS,
                  changes.holdsClosed(),
                  LedgerTables.HOLD_KEYS.types().length);
          batch.execute("RUN BATCH");
          bufferEvents(changes.events());
        } finally {
          for (PreparedStatement ps : open) {
            ps.close();
          }
        }
        checkCounts(batch, expected);
      } catch (SQLException e) {
        throw database.dialect().translate(e);
      }
    }

    private <T> int add(
        List<PreparedStatement> open,
        String sql,
        ArrayColumns<T> columns,
        List<? extends T> rows,
        int keys)
        throws SQLException {
      if (rows.isEmpty()) {
        return 0;
      }
      PreparedStatement ps = c.prepareStatement(sql);
      open.add(ps);
      long ordinal = 1;
      for (T row : rows) {
        columns.bindRow(ps, row, keys, ordinal++);
        ps.addBatch();
      }
      ps.executeBatch();
      return rows.size();
    }

    /**
     * The outbox's rows go in as mutations, applied with the commit: each carries the commit's
     * timestamp, and Spanner lets no later statement of the transaction touch a table whose index
     * holds a pending commit timestamp, which a second DML insert would.
     */
    private void bufferEvents(List<TransferEvent> rows) throws SQLException {
      if (rows.isEmpty()) {
        return;
      }
      List<Mutation> mutations = new ArrayList<>(rows.size());
      long ordinal = 1;
      for (TransferEvent event : rows) {
        Mutation.WriteBuilder insert = Mutation.newInsertBuilder("outbox");
        events.forEachValue(
            event, ordinal++, (name, cast, value) -> set(insert.set(name), cast, value));
        insert.set("committed_at").to(Value.COMMIT_TIMESTAMP);
        mutations.add(insert.build());
      }
      c.unwrap(CloudSpannerJdbcConnection.class).bufferedWrite(mutations);
    }

    /** Every statement of the batch touched exactly one row. */
    private void checkCounts(Statement batch, int expected) throws SQLException {
      if (expected == 0) {
        return;
      }
      try (ResultSet counts = batch.getResultSet()) {
        if (counts == null || !counts.next()) {
          throw new IllegalStateException("the DML batch gave no update counts");
        }
        Array array = counts.getArray(1);
        Object[] touched = (Object[]) array.getArray();
        if (touched.length != expected) {
          throw new IllegalStateException(
              "the DML batch ran " + touched.length + " statements of " + expected);
        }
        for (Object count : touched) {
          if (((Number) count).longValue() != 1) {
            throw new IllegalStateException(
                "a statement of the DML batch touched " + count + " rows");
          }
        }
      }
    }

    private void bindByTenant(PreparedStatement ps, Map<UUID, List<UUID>> byTenant)
        throws SQLException {
      int p = 1;
      for (Map.Entry<UUID, List<UUID>> tenant : byTenant.entrySet()) {
        ps.setString(p++, tenant.getKey().toString());
        ps.setArray(
            p++,
            c.createArrayOf(
                "varchar", tenant.getValue().stream().map(UUID::toString).toArray(String[]::new)));
      }
    }
  }

  private static void set(ValueBinder<Mutation.WriteBuilder> column, String cast, Object value) {
    switch (value) {
      case null -> column.to((String) null);
      case Long number -> column.to(number);
      case UUID id -> column.to(id.toString());
      case String text when "timestamptz".equals(cast) -> column.to(Timestamp.parseTimestamp(text));
      case String text -> column.to(text);
      default -> throw new IllegalArgumentException("no Spanner value for " + value.getClass());
    }
  }

  private String payload(TransferEvent event) {
    return json.writeValueAsString(TransferView.of(event.transfer()));
  }

  private static <K> Map<UUID, List<UUID>> byTenant(
      java.util.Collection<K> keys, Function<K, UUID> tenant, Function<K, UUID> id) {
    Map<UUID, List<UUID>> grouped = new TreeMap<>();
    for (K key : keys) {
      grouped.computeIfAbsent(tenant.apply(key), t -> new ArrayList<>()).add(id.apply(key));
    }
    return grouped;
  }
}
