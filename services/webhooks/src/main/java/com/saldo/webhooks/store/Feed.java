package com.saldo.webhooks.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The event feed as readers follow it: a tenant's events in seq order, after a seq. */
public final class Feed {

  /** One event of the feed; {@code data} is JSON text. */
  public record Event(long seq, UUID id, String type, Instant createdAt, String data) {}

  /** A page and the highest seq pruned so far (a reader after a lower seq missed events). */
  public record Page(List<Event> events, long prunedThrough) {}

  private final Database database;

  public Feed(Database database) {
    this.database = database;
  }

  public Page after(UUID tenant, long after, int limit) {
    return database.inTransaction(
        c -> {
          long pruned = Database.single(c, "SELECT pruned_through FROM relay WHERE id = 1");
          List<Event> events = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT seq, id, type, created_at, data FROM events WHERE tenant_id = ?"
                      + " AND seq > ? ORDER BY seq LIMIT ?")) {
            Database.bind(ps, tenant, Math.max(after, pruned), limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                events.add(
                    new Event(
                        rs.getLong(1),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        Database.instant(rs.getTimestamp(4)),
                        rs.getString(5)));
              }
            }
          }
          return new Page(events, pruned);
        });
  }

  /** The tenant's events from a time up to another, as a range of seqs (after, through]. */
  public long[] range(UUID tenant, Instant from, Instant to) {
    return database.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT coalesce(min(seq) - 1, 0), coalesce(max(seq), 0) FROM events"
                      + " WHERE tenant_id = ? AND created_at >= ? AND created_at < ?")) {
            Database.bind(ps, tenant, from, to);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return new long[] {rs.getLong(1), rs.getLong(2)};
            }
          }
        });
  }

  /** The tenant's newest seq, and the highest pruned. */
  public long[] head(UUID tenant) {
    return database.inTransaction(
        c ->
            new long[] {
              Database.single(
                  c, "SELECT coalesce(max(seq), 0) FROM events WHERE tenant_id = ?", tenant),
              Database.single(c, "SELECT pruned_through FROM relay WHERE id = 1")
            });
  }
}
