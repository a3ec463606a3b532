package com.saldo.query;

import com.saldo.jdbc.Database;
import com.saldo.jdbc.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.springframework.stereotype.Component;

/**
 * Reads the ledger's v1 views. Every read first asks how current the database is (the commit time a
 * replica has replayed, or now on the primary), so the answer is at least that current.
 */
@Component
public class History {

  public record Account(UUID id, String currency, long posted) {}

  public record Entry(
      long seq,
      UUID transferId,
      long amount,
      long balanceAfter,
      String kind,
      String reference,
      Instant createdAt) {}

  /** A read and the time up to which it reflects every commit. */
  public record Read<T>(T value, Instant consistentAsOf) {}

  /**
   * How current a read is on Spanner: a strong read-only snapshot sees every commit before it
   * began, and its current time is no earlier than that.
   */
  private static final String CURRENT_ON_SPANNER = "SELECT current_timestamp";

  private static final String CURRENT =
      "SELECT CASE WHEN pg_is_in_recovery() THEN coalesce(pg_last_xact_replay_timestamp(), 'epoch')"
          + " ELSE clock_timestamp() END";
  private static final String ACCOUNT =
      "SELECT id, currency, posted FROM query_v1_accounts WHERE tenant_id = ? AND id = ?";
  private static final String ENTRY_COLUMNS =
      "seq, transfer_id, amount, balance_after, kind, reference, created_at";

  private final Database database;

  public History(Database database) {
    this.database = database;
  }

  /**
   * The account's entries, newest first (see {@link #entries(Connection, UUID, UUID, Long, Instant,
   * Instant, int)}); empty when the tenant has no such account.
   */
  public Optional<Read<List<Entry>>> entries(
      UUID tenant, UUID account, Long beforeSeq, Instant from, Instant to, int limit) {
    return ofAccount(tenant, account, c -> entries(c, tenant, account, beforeSeq, from, to, limit));
  }

  /** The posted balance at {@code at}; empty when the tenant has no such account. */
  public Optional<Read<Long>> balanceAt(UUID tenant, UUID account, Instant at) {
    return ofAccount(tenant, account, c -> balance(c, tenant, account, at, "<="));
  }

  /** The posted balance at each of {@code times}; empty when the tenant has no such account. */
  public Optional<Read<List<Long>>> balancesAt(UUID tenant, UUID account, List<Instant> times) {
    return ofAccount(tenant, account, c -> balancesAt(c, tenant, account, times));
  }

  /** The account; empty when the tenant has no such account. */
  public Optional<Read<Account>> account(UUID tenant, UUID account) {
    return ofAccount(tenant, account, c -> account(c, tenant, account).orElseThrow());
  }

  /** Where a statement's rows go, in order: the opening balance, each entry, the closing one. */
  public interface StatementRows {
    void opening(long balance) throws IOException;

    void entry(Entry entry) throws IOException;

    void closing(long balance) throws IOException;
  }

  /**
   * The account's statement for {@code [from, to)} in one snapshot, its entries fetched from the
   * database in chunks of {@code fetchSize} and written to {@code rows} as they come, so that a
   * year of entries never sits in memory. A database failure half way is a 503 problem thrown after
   * some rows were written.
   */
  public void statement(
      UUID tenant, UUID account, Instant from, Instant to, int fetchSize, StatementRows rows)
      throws IOException {
    try {
      database.snapshot(
          c -> {
            try {
              long balance = balance(c, tenant, account, from, "<");
              rows.opening(balance);
              try (PreparedStatement ps = statement(c, tenant, account, from, to, fetchSize);
                  ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  Entry e = entry(rs);
                  balance = e.balanceAfter();
                  rows.entry(e);
                }
              }
              rows.closing(balance);
              return null;
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Runs {@code work} if the tenant has the account, in the snapshot that found it. */
  private <T> Optional<Read<T>> ofAccount(UUID tenant, UUID account, Database.Work<T> work) {
    Read<Optional<T>> read =
        read(
            c ->
                account(c, tenant, account).isEmpty()
                    ? Optional.empty()
                    : Optional.of(work.run(c)));
    return read.value().map(value -> new Read<>(value, read.consistentAsOf()));
  }

  /**
   * Runs reads in one read-committed transaction, after asking how current the database is: each
   * later statement sees at least every commit up to that time.
   */
  private <T> Read<T> read(Database.Work<T> work) {
    Database.Work<Read<T>> read =
        c -> {
          Instant current =
              Database.first(c, current(), rs -> Database.instant(rs.getTimestamp(1)))
                  .orElseThrow();
          return new Read<>(work.run(c), current);
        };
    // Spanner's read-write transactions lock what they read: reads take a read-only snapshot
    return spanner() ? database.snapshot(read) : database.inTransaction(read);
  }

  private boolean spanner() {
    return database.dialect() == Dialect.SPANNER;
  }

  private String current() {
    return spanner() ? CURRENT_ON_SPANNER : CURRENT;
  }

  /** An id as the database binds it. */
  private Object id(UUID id) {
    return database.dialect().bindable(id);
  }

  private Optional<Account> account(Connection c, UUID tenant, UUID id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(ACCOUNT)) {
      ps.setObject(1, id(tenant));
      ps.setObject(2, id(id));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Account(Database.uuid(rs, "id"), rs.getString(2), rs.getLong(3)))
            : Optional.empty();
      }
    }
  }

  /**
   * Entries newest first: those numbered below {@code beforeSeq} (all when null), created in {@code
   * [from, to)} where given. Keyset on the account's entry numbers, so pages never skip or repeat
   * an entry while new ones arrive (new entries get higher numbers).
   */
  private List<Entry> entries(
      Connection c, UUID tenant, UUID account, Long beforeSeq, Instant from, Instant to, int limit)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(ENTRY_COLUMNS)
            .append(" FROM query_v1_entries WHERE tenant_id = ? AND account_id = ?");
    List<Object> args = new ArrayList<>(List.of(tenant, account));
    if (beforeSeq != null) {
      sql.append(" AND seq < ?");
      args.add(beforeSeq);
    }
    if (from != null) {
      sql.append(" AND created_at >= ?");
      args.add(time(from));
    }
    if (to != null) {
      sql.append(" AND created_at < ?");
      args.add(time(to));
    }
    sql.append(" ORDER BY seq DESC LIMIT ?");
    args.add(limit);
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, database.dialect().bindable(args.get(i)));
      }
      List<Entry> page = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          page.add(entry(rs));
        }
      }
      return page;
    }
  }

  /**
   * The posted balance at each of {@code times}, in their order: one statement, one index lookup
   * per time.
   */
  private List<Long> balancesAt(Connection c, UUID tenant, UUID account, List<Instant> times)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT (SELECT e.balance_after FROM query_v1_entries e WHERE e.tenant_id = ?"
                + " AND e.account_id = ? AND e.created_at <= t.at"
                + " ORDER BY e.created_at DESC, e.seq DESC LIMIT 1)"
                + " FROM unnest(?::timestamptz[]) WITH ORDINALITY AS t(at, n) ORDER BY t.n")) {
      ps.setObject(1, id(tenant));
      ps.setObject(2, id(account));
      // Spanner's driver names the type by Spanner's own name and takes java.sql.Timestamp
      ps.setArray(
          3,
          spanner()
              ? c.createArrayOf("timestamp", times.stream().map(java.sql.Timestamp::from).toArray())
              : c.createArrayOf("timestamptz", times.stream().map(History::time).toArray()));
      List<Long> balances = new ArrayList<>(times.size());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long posted = rs.getLong(1);
          balances.add(rs.wasNull() ? 0 : posted);
        }
      }
      return balances;
    }
  }

  /**
   * The posted balance just after the last entry created before ({@code "<"}) or at ({@code "<="})
   * {@code at}: one index lookup.
   */
  private long balance(Connection c, UUID tenant, UUID account, Instant at, String comparison)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT e.balance_after FROM entries e WHERE e.tenant_id = ? AND e.account_id = ?"
                    .replace("entries e", "query_v1_entries e")
                + " AND e.created_at "
                + comparison
                + " ? ORDER BY e.created_at DESC, e.seq DESC LIMIT 1")) {
      ps.setObject(1, id(tenant));
      ps.setObject(2, id(account));
      ps.setObject(3, time(at));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /** Entries oldest first in {@code [from, to)}, fetched from the database in chunks. */
  private PreparedStatement statement(
      Connection c, UUID tenant, UUID account, Instant from, Instant to, int fetchSize)
      throws SQLException {
    PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + ENTRY_COLUMNS
                + " FROM query_v1_entries WHERE tenant_id = ? AND account_id = ?"
                + " AND created_at >= ? AND created_at < ? ORDER BY seq");
    ps.setFetchSize(fetchSize);
    ps.setObject(1, id(tenant));
    ps.setObject(2, id(account));
    ps.setObject(3, time(from));
    ps.setObject(4, time(to));
    return ps;
  }

  private static Entry entry(ResultSet rs) throws SQLException {
    return new Entry(
        rs.getLong(1),
        Database.uuid(rs, "transfer_id"),
        rs.getLong(3),
        rs.getLong(4),
        rs.getString(5),
        rs.getString(6),
        rs.getObject(7, OffsetDateTime.class).toInstant());
  }

  static OffsetDateTime time(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
