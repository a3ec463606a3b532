package com.saldo.webhooks.store;

import com.saldo.jdbc.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
          long through = -1;
          int n = 0;
          try (PreparedStatement ps =
              c.prepareStatement("SELECT seq, created_at < ? FROM events ORDER BY seq LIMIT ?")) {
            Database.bind(ps, cutoff, batch);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next() && rs.getBoolean(2)) {
                through = rs.getLong(1);
                n++;
              }
            }
          }
          if (n == 0) {
            return 0L;
          }
          Database.update(
              c,
              "UPDATE relay SET pruned_through = greatest(pruned_through, ?) WHERE id = 1",
              through);
          return (long) Database.update(c, "DELETE FROM events WHERE seq <= ?", through);
        });
  }

  /** Deliveries of events already pruned, one endpoint at a time along its primary key. */
  private long pruneDeliveries() {
    List<UUID> endpoints =
        database.inTransaction(
            c -> {
              List<UUID> ids = new ArrayList<>();
              try (PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT p.id FROM endpoints p, relay r WHERE r.id = 1 AND EXISTS (SELECT"
                              + " 1 FROM deliveries d WHERE d.endpoint_id = p.id AND d.seq <="
                              + " r.pruned_through)");
                  ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  ids.add(rs.getObject(1, UUID.class));
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
                      "DELETE FROM deliveries WHERE (endpoint_id, seq) IN (SELECT endpoint_id, seq"
                          + " FROM deliveries WHERE endpoint_id = ? AND seq <= (SELECT"
                          + " pruned_through FROM relay WHERE id = 1) ORDER BY seq LIMIT ?)",
                      endpoint,
                      batch));
    }
    return removed;
  }

  private long pruneAttempts(Instant cutoff) {
    return database.inTransaction(
        c ->
            Database.update(
                c,
                "DELETE FROM attempts WHERE id IN (SELECT id FROM attempts WHERE attempted_at < ?"
                    + " ORDER BY attempted_at LIMIT ?)",
                cutoff,
                batch));
  }

  /** Deleted endpoints: their deliveries and attempts a batch at a time, then the row. */
  private long pruneDeleted() {
    return database.inTransaction(
        c -> {
          UUID endpoint;
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT id FROM endpoints WHERE status = 'deleted' LIMIT 1"
                          + " FOR UPDATE SKIP LOCKED");
              ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              return 0L;
            }
            endpoint = rs.getObject(1, UUID.class);
          }
          long n =
              Database.update(
                      c,
                      "DELETE FROM deliveries WHERE (endpoint_id, seq) IN (SELECT endpoint_id, seq"
                          + " FROM deliveries WHERE endpoint_id = ? LIMIT ?)",
                      endpoint,
                      batch)
                  + Database.update(
                      c,
                      "DELETE FROM attempts WHERE id IN (SELECT id FROM attempts WHERE"
                          + " endpoint_id = ? LIMIT ?)",
                      endpoint,
                      batch);
          if (n == 0) {
            Database.update(c, "DELETE FROM leases WHERE endpoint_id = ?", endpoint);
            Database.update(c, "DELETE FROM replays WHERE endpoint_id = ?", endpoint);
            n = Database.update(c, "DELETE FROM endpoints WHERE id = ?", endpoint);
          }
          return n;
        });
  }
}
