package com.saldo.webhooks.store;

import com.saldo.jdbc.Database;
import com.saldo.jdbc.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Removes what is older than the retention, a bounded batch per statement and each batch in a
 * transaction of its own, so that no writer waits for it: events in seq order (and the feed's
 * pruned mark with them, behind which a reader gets 410 {@code cursor_expired}), the deliveries of
 * pruned events, old attempts, finished replays, replicas long gone, and deleted endpoints with
 * everything of theirs.
 */
public final class Pruner {

  private final Database database;
  private final Duration retention;
  private final int batch;

  public Pruner(Database database, Duration retention, int batch) {
    this.database = database;
    this.retention = retention;
    this.batch = batch;
  }

  /** Prunes until nothing is left to prune or {@code rounds} batches were deleted. */
  public long prune(Instant now, int rounds) {
    Instant cutoff = now.minus(retention);
    long removed = 0;
    for (int round = 0; round < rounds; round++) {
      long n = pruneEvents(cutoff) + pruneDeliveries() + pruneAttempts(cutoff) + pruneDeleted();
      removed += n;
      if (n == 0) {
        break;
      }
    }
    database.inTransaction(
        c ->
            Database.update(
                    c, "DELETE FROM workers WHERE seen_at < ?", now.minus(Duration.ofHours(1)))
                + Database.update(c, "DELETE FROM replays WHERE done_at < ?", cutoff));
    return removed;
  }

  /** The oldest events, as far as they are all older than the cutoff. */
  private long pruneEvents(Instant cutoff) {
    return database.inTransaction(
        c -> {
          List<Object[]> keys = new ArrayList<>();
          for (Object[] event : Database.list(c, oldestEvents(), Pruner::event, batch)) {
            if (!((Instant) event[2]).isBefore(cutoff)) {
              break;
            }
            keys.add(event);
          }
          if (keys.isEmpty()) {
            return 0L;
          }
          long through = (long) keys.getLast()[1];
          Database.update(
              c,
              "UPDATE relay SET pruned_through = greatest(pruned_through, ?) WHERE id = 1",
              through);
          if (database.dialect() != Dialect.SPANNER) {
            return (long) Database.update(c, "DELETE FROM events WHERE seq <= ?", through);
          }
          // on Spanner by key: a range of seqs is no range of its (tenant, seq) key
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM events WHERE tenant_id = ? AND seq = ?")) {
            for (Object[] key : keys) {
              Database.bind(ps, key[0], key[1]);
              ps.addBatch();
            }
            return (long) Arrays.stream(ps.executeBatch()).sum();
          }
        });
  }

  /**
   * The oldest events in seq order, as (tenant, seq, created_at): on Spanner the first of each
   * shard of the seq index, merged.
   */
  private String oldestEvents() {
    String columns = "tenant_id, seq, created_at";
    if (database.dialect() != Dialect.SPANNER) {
      return "SELECT " + columns + " FROM events ORDER BY seq LIMIT ?";
    }
    return "SELECT "
        + columns
        + " FROM ("
        + IntStream.range(0, 16)
            .mapToObj(
                shard ->
                    "SELECT * FROM (SELECT "
                        + columns
                        + " FROM events WHERE shard = "
                        + shard
                        + " ORDER BY seq LIMIT "
                        + batch
                        + ") s"
                        + shard)
            .collect(Collectors.joining(" UNION ALL "))
        + ") e ORDER BY seq LIMIT ?";
  }

  private static Object[] event(ResultSet rs) throws SQLException {
    return new Object[] {Database.uuid(rs, 1), rs.getLong(2), Database.instant(rs.getTimestamp(3))};
  }

  /** Deliveries of events already pruned, one endpoint at a time along its primary key. */
  private long pruneDeliveries() {
    List<UUID> endpoints =
        database.read(
            c -> {
              List<UUID> ids = new ArrayList<>();
              try (PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT p.id FROM endpoints p, relay r WHERE r.id = 1 AND EXISTS (SELECT"
                              + " 1 FROM deliveries d WHERE d.endpoint_id = p.id AND d.seq <="
                              + " r.pruned_through)");
                  ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  ids.add(Database.uuid(rs, 1));
                }
              }
              return ids;
            });
    long removed = 0;
    for (UUID endpoint : endpoints) {
      removed +=
          database.inTransaction(
              c ->
                  Database.update(
                      c,
                      "DELETE FROM deliveries WHERE endpoint_id = ? AND seq IN (SELECT seq FROM"
                          + " deliveries WHERE endpoint_id = ? AND seq <= (SELECT pruned_through"
                          + " FROM relay WHERE id = 1) ORDER BY seq LIMIT ?)",
                      endpoint,
                      endpoint,
                      batch));
    }
    return removed;
  }

  /** The oldest attempts, by key (an attempt's id is unique per endpoint on Spanner). */
  private long pruneAttempts(Instant cutoff) {
    return database.inTransaction(
        c -> {
          List<Object[]> keys =
              Database.list(
                  c,
                  "SELECT endpoint_id, id FROM attempts WHERE attempted_at < ?"
                      + " ORDER BY attempted_at LIMIT ?",
                  rs -> new Object[] {Database.uuid(rs, 1), rs.getLong(2)},
                  cutoff,
                  batch);
          return deleteAttempts(c, keys);
        });
  }

  private static long deleteAttempts(Connection c, List<Object[]> keys) throws SQLException {
    if (keys.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM attempts WHERE endpoint_id = ? AND id = ?")) {
      for (Object[] key : keys) {
        Database.bind(ps, key);
        ps.addBatch();
      }
      return Arrays.stream(ps.executeBatch()).sum();
    }
  }

  /** Deleted endpoints: their deliveries and attempts a batch at a time, then the row. */
  private long pruneDeleted() {
    return database.inTransaction(
        c -> {
          UUID endpoint;
          try (PreparedStatement ps =
                  c.prepareStatement(
                      database
                          .dialect()
                          .claimingRead(
                              "SELECT id FROM endpoints WHERE status = 'deleted' LIMIT 1"));
              ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              return 0L;
            }
            endpoint = Database.uuid(rs, 1);
          }
          long n =
              Database.update(
                      c,
                      "DELETE FROM deliveries WHERE endpoint_id = ? AND seq IN (SELECT seq FROM"
                          + " deliveries WHERE endpoint_id = ? ORDER BY seq LIMIT ?)",
                      endpoint,
                      endpoint,
                      batch)
                  + deleteAttempts(
                      c,
                      Database.list(
                          c,
                          "SELECT endpoint_id, id FROM attempts WHERE endpoint_id = ? LIMIT ?",
                          rs -> new Object[] {Database.uuid(rs, 1), rs.getLong(2)},
                          endpoint,
                          batch));
          if (n == 0) {
            Database.update(c, "DELETE FROM leases WHERE endpoint_id = ?", endpoint);
            Database.update(c, "DELETE FROM replays WHERE endpoint_id = ?", endpoint);
            n = Database.update(c, "DELETE FROM endpoints WHERE id = ?", endpoint);
          }
          return n;
        });
  }
}
