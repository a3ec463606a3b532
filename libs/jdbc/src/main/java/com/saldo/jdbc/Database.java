package com.saldo.jdbc;

import com.saldo.store.StoreConflictException;
import com.saldo.store.StoreUnavailableException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A service's one way to its database. Work runs on one connection, in a transaction committed when
 * it returns and rolled back when it throws ({@link #inTransaction}), or as a read outside any
 * explicit transaction ({@link #read}); a failure leaves as what its {@link Dialect} says it is: a
 * {@link StoreConflictException}, a {@link StoreUnavailableException} or a bug. The static helpers
 * bind and run one statement on the connection that the work was given; {@link Instant}s are bound
 * as UTC {@code timestamptz}.
 *
 * <p>The SQL itself lives in each service's adapters, which take a {@link Connection} so that one
 * use case's statements share one transaction; the transaction is opened by the adapter method
 * named for that use case, never by a controller.
 */
public final class Database {

  /** Work on a connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Reads one row of a result. */
  @FunctionalInterface
  public interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** The most times a transaction that lost a race runs again, whoever asked for it. */
  public static final int RETRIES_MAX = 10;

  /** How often a read that lost a race runs again: always safe, it wrote nothing. */
  private static final int SNAPSHOT_RETRIES = 3;

  private final DataSource dataSource;
  private final Dialect dialect;
  private final int retries;

  public Database(DataSource dataSource, Dialect dialect) {
    this(dataSource, dialect, 0);
  }

  private Database(DataSource dataSource, Dialect dialect, int retries) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.retries = retries;
  }

  /**
   * This database, whose transactions run again as a whole, up to {@code retries} times, when they
   * lose a race ({@link StoreConflictException}): for callers whose work is only its statements, so
   * that running it again is the same as running it once. On Spanner any read-write transaction may
   * be aborted and must be retried so; the ledger's write engine retries its batches itself,
   * because it answers requests from what a batch did.
   */
  public Database withRetries(int retries) {
    if (retries < 0 || retries > RETRIES_MAX) {
      throw new IllegalArgumentException("retries must be within 0.." + RETRIES_MAX);
    }
    return new Database(dataSource, dialect, retries);
  }

  public Dialect dialect() {
    return dialect;
  }

  /** Runs {@code work} in a read-committed transaction. */
  public <T> T inTransaction(Work<T> work) {
    return inTransaction(Connection.TRANSACTION_READ_COMMITTED, work);
  }

  /** Runs {@code work} in a transaction of the given isolation (a {@link Connection} constant). */
  public <T> T inTransaction(int isolation, Work<T> work) {
    return transaction(isolation, false, work);
  }

  /**
   * Runs reads on a connection of its own, outside any explicit transaction: each statement sees
   * the database as of its own start (PostgreSQL's read committed; on Spanner a single-use strong
   * read, which no other transaction can abort). Run again when it lost a race anyway.
   */
  public <T> T read(Work<T> work) {
    return retrying(
        SNAPSHOT_RETRIES,
        () -> {
          try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return work.run(c);
          } catch (SQLException e) {
            throw dialect.translate(e);
          }
        });
  }

  /**
   * Runs one query outside any explicit transaction and reads every row; the arguments are bound as
   * this database binds them ({@link Dialect#bindable}).
   */
  public <T> List<T> query(String sql, List<Object> args, Row<T> row) {
    return read(c -> list(c, sql, row, args.stream().map(dialect::bindable).toArray()));
  }

  /**
   * Runs reads in one read-only snapshot of the whole database (repeatable read on PostgreSQL, a
   * read-only transaction on Spanner), which never blocks a writer.
   */
  public <T> T snapshot(Work<T> work) {
    return transaction(Connection.TRANSACTION_REPEATABLE_READ, true, work);
  }

  /**
   * Commits what {@code work} did when it returns, rolls it back when it throws; the connection
   * goes back to the pool as it came (isolation, read-only mode, auto-commit).
   */
  private <T> T transaction(int isolation, boolean readOnly, Work<T> work) {
    return retrying(
        readOnly ? Math.max(retries, SNAPSHOT_RETRIES) : retries,
        () -> once(isolation, readOnly, work));
  }

  /**
   * Runs {@code attempt} again after a pause, up to {@code allowed} times, while it loses races.
   */
  private static <T> T retrying(int allowed, java.util.function.Supplier<T> attempt) {
    for (int tried = 0; ; tried++) {
      try {
        return attempt.get();
      } catch (StoreConflictException e) {
        if (tried >= allowed) {
          throw e;
        }
        backOff(tried);
      }
    }
  }

  /** A random pause before the next attempt, up to 5 ms doubled per attempt, at most 160 ms. */
  private static void backOff(int attempt) {
    long bound = 5L << Math.min(attempt, 5);
    try {
      Thread.sleep(1 + java.util.concurrent.ThreadLocalRandom.current().nextLong(bound));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted between attempts", e);
    }
  }

  private <T> T once(int isolation, boolean readOnly, Work<T> work) {
    int level = dialect.isolation(isolation);
    try (Connection c = dataSource.getConnection()) {
      int before = c.getTransactionIsolation();
      boolean reset = before != level;
      // read-only mode is set between transactions: Spanner refuses the change inside one
      c.setAutoCommit(true);
      if (readOnly) {
        c.setReadOnly(true);
      }
      try {
        if (reset) {
          c.setTransactionIsolation(level);
        }
        c.setAutoCommit(false);
        T value = work.run(c);
        c.commit();
        return value;
      } catch (SQLException | RuntimeException | Error e) {
        rollback(c);
        throw e;
      } finally {
        if (readOnly) {
          c.setAutoCommit(true);
          c.setReadOnly(false);
        }
        if (reset) {
          c.setTransactionIsolation(before);
        }
      }
    } catch (SQLException e) {
      throw dialect.translate(e);
    }
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // The connection is broken; the pool discards it and the database rolls back.
    }
  }

  /** Every row of a query. */
  public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(row.read(rs));
        }
      }
      return rows;
    }
  }

  /** The first row of a query, if it has one. */
  public static <T> Optional<T> first(Connection c, String sql, Row<T> row, Object... args)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
      }
    }
  }

  /** The one number a query answers (a count, a sum, a seq). */
  public static long single(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no row: " + sql);
        }
        return rs.getLong(1);
      }
    }
  }

  /** The number of rows a statement changed. */
  public static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    }
  }

  public static void execute(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      ps.execute();
    }
  }

  /**
   * Binds the arguments in order: an {@link Instant} as a UTC {@code timestamptz}, an id as the
   * statement's database takes it (a {@code uuid} on PostgreSQL, its text on Spanner).
   */
  public static void bind(PreparedStatement ps, Object... args) throws SQLException {
    boolean idsAsText = args.length > 0 && idsAsText(ps.getConnection());
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      ps.setObject(
          i + 1,
          arg instanceof Instant t
              ? time(t)
              : idsAsText && arg instanceof java.util.UUID id ? id.toString() : arg);
    }
  }

  /** Whether the connection is Spanner's, whose dialect has no {@code uuid} type. */
  private static boolean idsAsText(Connection c) throws SQLException {
    return c.isWrapperFor(com.google.cloud.spanner.jdbc.CloudSpannerJdbcConnection.class);
  }

  /** Ids as one array parameter: {@code uuid[]} on PostgreSQL, their texts on Spanner. */
  public static Array ids(Connection c, java.util.Collection<java.util.UUID> ids)
      throws SQLException {
    return idsAsText(c)
        ? c.createArrayOf("varchar", ids.stream().map(java.util.UUID::toString).toArray())
        : c.createArrayOf("uuid", ids.toArray());
  }

  /** Texts as one array parameter ({@code text[]}, or Spanner's {@code varchar[]}). */
  public static Array texts(Connection c, java.util.Collection<String> texts) throws SQLException {
    return c.createArrayOf(idsAsText(c) ? "varchar" : "text", texts.toArray());
  }

  public static Array array(Connection c, String type, Object[] values) throws SQLException {
    return c.createArrayOf(type, values);
  }

  public static OffsetDateTime time(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  public static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /**
   * An id column as a UUID, whether the database stores it as {@code uuid} (PostgreSQL) or as its
   * text (Spanner); null stays null.
   */
  public static java.util.UUID uuid(ResultSet rs, String column) throws SQLException {
    String text = rs.getString(column);
    return text == null ? null : java.util.UUID.fromString(text);
  }

  /** The id in a column, by its index (see {@link #uuid(ResultSet, String)}). */
  public static java.util.UUID uuid(ResultSet rs, int column) throws SQLException {
    String text = rs.getString(column);
    return text == null ? null : java.util.UUID.fromString(text);
  }

  /** An array of ids ({@code uuid[]}, or Spanner's {@code varchar[]}) as UUIDs. */
  public static java.util.UUID[] uuids(ResultSet rs, int column) throws SQLException {
    Object[] values = (Object[]) rs.getArray(column).getArray();
    java.util.UUID[] ids = new java.util.UUID[values.length];
    for (int i = 0; i < values.length; i++) {
      ids[i] =
          values[i] instanceof java.util.UUID id
              ? id
              : java.util.UUID.fromString((String) values[i]);
    }
    return ids;
  }

  /** A {@code timestamptz} column as an instant; null stays null. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }
}
