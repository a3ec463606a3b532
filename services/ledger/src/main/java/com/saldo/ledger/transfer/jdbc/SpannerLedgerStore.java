package com.saldo.ledger.transfer.jdbc;

import com.google.cloud.Timestamp;
import com.google.cloud.spanner.Key;
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
     * Every change as mutations, buffered and applied with the commit: no statement and no round
     * trip before it, whatever the batch's size. An insert of a row that exists fails the commit,
     * as does an update of a row that does not, and every constraint of the schema is checked then;
     * a failed commit writes nothing and the engine looks for the command that failed it. The
     * outbox's rows carry the commit's timestamp.
     */
    @Override
    public void write(Changes changes) {
      List<Mutation> mutations = new ArrayList<>();
      for (Recorded row : changes.inserted()) {
        mutations.add(
            write(Mutation.newInsertBuilder("transfers"), LedgerTables.TRANSFERS, row, 0));
      }
      for (Transfer row : changes.updated()) {
        mutations.add(
            write(Mutation.newUpdateBuilder("transfers"), LedgerTables.TRANSFER_CHANGES, row, 0));
      }
      for (Account row : changes.accounts()) {
        mutations.add(write(Mutation.newUpdateBuilder("accounts"), ACCOUNT_CHANGES, row, 0));
      }
      for (Entry row : changes.entries()) {
        mutations.add(write(Mutation.newInsertBuilder("entries"), LedgerTables.ENTRIES, row, 0));
      }
      for (Transfer row : changes.holdsOpened()) {
        mutations.add(
            write(Mutation.newInsertBuilder("pending_holds"), LedgerTables.HOLDS, row, 0));
      }
      for (Transfer row : changes.holdsClosed()) {
        mutations.add(Mutation.delete("pending_holds", Key.of(LedgerTables.HOLD_KEYS.key(row, 2))));
      }
      long ordinal = 1;
      for (TransferEvent event : changes.events()) {
        Mutation.WriteBuilder insert = Mutation.newInsertBuilder("outbox");
        events.forEachValue(
            event,
            ordinal++,
            (name, type, cast, value) -> set(insert.set(name), type, cast, value));
        insert.set("committed_at").to(Value.COMMIT_TIMESTAMP);
        mutations.add(insert.build());
      }
      if (mutations.isEmpty()) {
        return;
      }
      try {
        c.unwrap(CloudSpannerJdbcConnection.class).bufferedWrite(mutations);
      } catch (SQLException e) {
        throw database.dialect().translate(e);
      }
    }

    private <T> Mutation write(
        Mutation.WriteBuilder builder, ArrayColumns<T> columns, T row, long ordinal) {
      columns.forEachValue(
          row, ordinal, (name, type, cast, value) -> set(builder.set(name), type, cast, value));
      return builder.build();
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

  /**
   * A value of the engine's columns as Spanner's client takes it: a column travels as {@code uuid},
   * {@code int8} or {@code text}, cast to {@code timestamptz} or {@code jsonb} where the column
   * needs it; a null keeps the column's type.
   */
  private static void set(
      ValueBinder<Mutation.WriteBuilder> column, String type, String cast, Object value) {
    if ("timestamptz".equals(cast)) {
      column.to(value == null ? null : Timestamp.parseTimestamp((String) value));
    } else if ("jsonb".equals(cast)) {
      column.to(Value.pgJsonb((String) value));
    } else if ("int8".equals(type)) {
      column.to(value == null ? null : ((Number) value).longValue());
    } else {
      column.to(value == null ? null : value.toString());
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
