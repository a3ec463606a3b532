package com.saldo.webhooks.store;

import com.google.cloud.spanner.Mutation;
import com.saldo.jdbc.Database;
import com.saldo.webhooks.delivery.Delivery;
import com.saldo.webhooks.delivery.Result;
import com.saldo.webhooks.signing.SecretBox;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Deliveries, attempts and leases on Spanner: what PostgreSQL does in one statement over arrays is
 * here a mutation per row applied with the commit, a statement per row sent as one batch, or one
 * seek per endpoint (up to 32 of them in one statement), and a lease is claimed by reading the free
 * ones and writing them in one serializable transaction instead of an upsert with a condition: of
 * two replicas that read the same free lease, one commits and the other is aborted and claims again
 * on its next round.
 */
final class SpannerDeliveryStore extends JdbcDeliveryStore {

  /** One endpoint's first pending deliveries after a seq, with their events: one seek. */
  private static final String PENDING =
      "SELECT * FROM (SELECT d.endpoint_id, d.seq, e.id, e.type, e.accounts, e.created_at, e.data,"
          + " d.attempts, d.next_attempt_at FROM deliveries d"
          + " JOIN endpoints p ON p.id = d.endpoint_id"
          + " JOIN events e ON e.tenant_id = p.tenant_id AND e.seq = d.seq"
          + " WHERE d.endpoint_id = ? AND d.status = 'pending' AND d.seq > ?"
          + " ORDER BY d.seq LIMIT ?) p%d";

  /** The most endpoints one statement asks for (Spanner has no lateral join to take them all). */
  private static final int ASKS_PER_STATEMENT = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  SpannerDeliveryStore(Database database, SecretBox secrets) {
    super(database, secrets);
  }

  @Override
  public List<Delivery> pending(Collection<Ask> asks) {
    List<Ask> all = List.copyOf(asks);
    return database.read(
        c -> {
          List<Delivery> deliveries = new ArrayList<>();
          for (int from = 0; from < all.size(); from += ASKS_PER_STATEMENT) {
            List<Ask> some = all.subList(from, Math.min(all.size(), from + ASKS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder();
            for (int i = 0; i < some.size(); i++) {
              sql.append(i == 0 ? "" : " UNION ALL ").append(PENDING.formatted(i));
            }
            sql.append(" ORDER BY endpoint_id, seq");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
              int p = 1;
              for (Ask ask : some) {
                ps.setString(p++, ask.endpointId().toString());
                ps.setLong(p++, ask.afterSeq());
                ps.setLong(p++, ask.room());
              }
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  deliveries.add(delivery(rs));
                }
              }
            }
          }
          return deliveries;
        });
  }

  @Override
  protected void updateDeliveries(Connection c, List<Result> rows) throws SQLException {
    List<Mutation> updates = new ArrayList<>();
    for (Result r : rows) {
      Mutation.WriteBuilder update =
          Mutation.newUpdateBuilder("deliveries")
              .set("endpoint_id")
              .to(r.endpointId().toString())
              .set("seq")
              .to(r.seq())
              .set("status")
              .to(r.status())
              .set("attempts")
              .to(r.attempt());
      if (r.nextAttemptAt() != null) {
        update.set("next_attempt_at").to(SpannerWrites.timestamp(r.nextAttemptAt()));
      }
      updates.add(update.build());
    }
    SpannerWrites.buffer(c, updates);
  }

  @Override
  protected void insertAttempts(Connection c, List<Result> rows) throws SQLException {
    List<Mutation> inserts = new ArrayList<>();
    Set<Long> ids = new HashSet<>();
    for (Result r : rows) {
      long id;
      do {
        id = attemptId(r.attemptedAt());
      } while (!ids.add(id));
      inserts.add(
          Mutation.newInsertBuilder("attempts")
              .set("endpoint_id")
              .to(r.endpointId().toString())
              .set("id")
              .to(id)
              .set("seq")
              .to(r.seq())
              .set("attempt")
              .to(r.attempt())
              .set("attempted_at")
              .to(SpannerWrites.timestamp(r.attemptedAt()))
              .set("status_code")
              .to(r.statusCode() == 0 ? null : (long) r.statusCode())
              .set("latency_ms")
              .to(Math.min(Integer.MAX_VALUE, r.latencyMillis()))
              .set("error")
              .to(r.error() == null ? null : shorten(r.error(), 512))
              .set("succeeded")
              .to(r.succeeded())
              .set("next_attempt_at")
              .to(SpannerWrites.timestamp(r.nextAttemptAt()))
              .build());
    }
    SpannerWrites.buffer(c, inserts);
  }

  /**
   * An attempt's id: its time in milliseconds and 20 random bits, so that an endpoint's attempts
   * sort newest first by id as they do by PostgreSQL's identity column, and two attempts of one
   * endpoint in one millisecond collide once in a million (the insert then fails, and the batch is
   * recorded again).
   */
  static long attemptId(Instant at) {
    return (at.toEpochMilli() << 20) | RANDOM.nextInt(1 << 20);
  }

  @Override
  protected void updateEndpoints(Connection c, List<EndpointChange> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE endpoints SET failing_since = CASE WHEN ? THEN NULL"
                + " ELSE coalesce(failing_since, ?) END,"
                + " disabled_reason = CASE WHEN ? AND status = 'active' THEN ?"
                + " ELSE disabled_reason END,"
                + " status = CASE WHEN ? AND status = 'active' THEN 'disabled' ELSE status END"
                + " WHERE id = ?")) {
      for (EndpointChange e : rows) {
        boolean disable = e.disabledReason() != null;
        Database.bind(
            ps,
            e.succeeded(),
            e.at(),
            disable,
            disable ? e.disabledReason() : "",
            disable,
            e.endpointId());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @Override
  public Set<UUID> claim(UUID worker, int count, Instant now, Instant until) {
    return database.inTransaction(
        c -> {
          List<UUID> free =
              Database.list(
                  c,
                  "SELECT p.id FROM endpoints p LEFT JOIN leases l ON l.endpoint_id = p.id"
                      + " WHERE p.status = 'active' AND (l.endpoint_id IS NULL OR l.expires_at < ?)",
                  rs -> Database.uuid(rs, 1),
                  now);
          Collections.shuffle(free, RANDOM);
          List<UUID> taken = free.subList(0, Math.min(count, free.size()));
          if (taken.isEmpty()) {
            return Set.of();
          }
          List<Mutation> leases = new ArrayList<>();
          for (UUID endpoint : taken) {
            leases.add(
                Mutation.newInsertOrUpdateBuilder("leases")
                    .set("endpoint_id")
                    .to(endpoint.toString())
                    .set("owner")
                    .to(worker.toString())
                    .set("expires_at")
                    .to(SpannerWrites.timestamp(until))
                    .build());
          }
          SpannerWrites.buffer(c, leases);
          return Set.copyOf(taken);
        });
  }
}
