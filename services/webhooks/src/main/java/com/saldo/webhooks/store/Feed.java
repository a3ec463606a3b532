package com.saldo.webhooks.store;

import com.saldo.jdbc.Database;
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

  /**
   * A column of the delivery's last attempt, as a scalar subquery (Spanner has no lateral join);
   * each is one seek in the attempts' (endpoint, seq, attempt) index.
   */
  private static final String LAST_ATTEMPT =
      " (SELECT %s FROM attempts a WHERE a.endpoint_id = d.endpoint_id AND a.seq = d.seq"
          + " ORDER BY a.attempt DESC LIMIT 1)";

  /** Zero before the first relay wrote its row (on Spanner, the first relay inserts it). */
  private static final String PRUNED_THROUGH =
      "SELECT coalesce((SELECT pruned_through FROM relay WHERE id = 1), 0)";

  private final Database database;

  public Feed(Database database) {
    this.database = database;
  }

  /** One endpoint's delivery of one event: its state, and its last attempt when there was one. */
  public record EventDelivery(
      UUID endpointId,
      String url,
      String status,
      int attempts,
      Instant nextAttemptAt,
      Integer lastStatusCode,
      Instant lastAttemptAt,
      String lastError) {}

  public Page after(UUID tenant, long after, int limit) {
    return after(tenant, null, after, limit);
  }

  /**
   * The tenant's events after a seq, in seq order; only those about {@code subject} (a transfer or
   * an account) when it is not null.
   */
  public Page after(UUID tenant, UUID subject, long after, int limit) {
    return database.read(
        c -> {
          long pruned = Database.single(c, PRUNED_THROUGH);
          List<Event> events = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  subject == null
                      ? "SELECT seq, id, type, created_at, data FROM events WHERE tenant_id = ?"
                          + " AND seq > ? ORDER BY seq LIMIT ?"
                      : "SELECT seq, id, type, created_at, data FROM events WHERE tenant_id = ?"
                          + " AND subject_id = ? AND seq > ? ORDER BY seq LIMIT ?")) {
            if (subject == null) {
              Database.bind(ps, tenant, Math.max(after, pruned), limit);
            } else {
              Database.bind(ps, tenant, subject, Math.max(after, pruned), limit);
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                events.add(
                    new Event(
                        rs.getLong(1),
                        Database.uuid(rs, 2),
                        rs.getString(3),
                        Database.instant(rs.getTimestamp(4)),
                        rs.getString(5)));
              }
            }
          }
          return new Page(events, pruned);
        });
  }

  /**
   * Every delivery of one of the tenant's events, one per subscribed endpoint, with its last
   * attempt; empty when the tenant has no event of that seq (another tenant's event included).
   */
  public java.util.Optional<List<EventDelivery>> deliveries(UUID tenant, long seq) {
    return database.read(
        c -> {
          try (PreparedStatement exists =
              c.prepareStatement("SELECT 1 FROM events WHERE seq = ? AND tenant_id = ?")) {
            Database.bind(exists, seq, tenant);
            try (ResultSet rs = exists.executeQuery()) {
              if (!rs.next()) {
                return java.util.Optional.<List<EventDelivery>>empty();
              }
            }
          }
          List<EventDelivery> deliveries = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT d.endpoint_id, p.url, d.status, d.attempts, d.next_attempt_at,"
                      + LAST_ATTEMPT.formatted("status_code")
                      + ","
                      + LAST_ATTEMPT.formatted("attempted_at")
                      + ","
                      + LAST_ATTEMPT.formatted("error")
                      + " FROM endpoints p JOIN deliveries d ON d.endpoint_id = p.id AND d.seq = ?"
                      + " WHERE p.tenant_id = ? ORDER BY p.created_at, p.id")) {
            Database.bind(ps, seq, tenant);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                int code = rs.getInt(6);
                deliveries.add(
                    new EventDelivery(
                        Database.uuid(rs, 1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        Database.instant(rs.getTimestamp(5)),
                        rs.wasNull() ? null : code,
                        rs.getTimestamp(7) == null ? null : Database.instant(rs.getTimestamp(7)),
                        rs.getString(8)));
              }
            }
          }
          return java.util.Optional.of(deliveries);
        });
  }

  /** The tenant's events from a time up to another, as a range of seqs (after, through]. */
  public long[] range(UUID tenant, Instant from, Instant to) {
    return database.read(
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
    return database.read(
        c ->
            new long[] {
              Database.single(
                  c, "SELECT coalesce(max(seq), 0) FROM events WHERE tenant_id = ?", tenant),
              Database.single(c, PRUNED_THROUGH)
            });
  }
}
