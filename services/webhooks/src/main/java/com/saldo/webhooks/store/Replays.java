package com.saldo.webhooks.store;

import com.saldo.jdbc.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;

/**
 * Replays: a range of the feed offered to an endpoint again. A request records the range; then each
 * step, on whichever replica takes the replay's row (SKIP LOCKED), makes up to a chunk of its
 * deliveries pending again with a fresh schedule, and raises the endpoint's generation so that its
 * worker reloads them in feed order. There is no cap on the range's size, only on each step.
 */
public final class Replays {

  private final Database database;
  private final int chunk;

  public Replays(Database database, int chunk) {
    this.database = database;
    this.chunk = chunk;
  }

  public void request(
      UUID id, UUID tenant, UUID endpoint, long afterSeq, long throughSeq, Instant now) {
    database.inTransaction(
        c ->
            Database.update(
                c,
                "INSERT INTO replays (id, endpoint_id, tenant_id, after_seq, through_seq,"
                    + " created_at, done_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                id,
                endpoint,
                tenant,
                afterSeq,
                throughSeq,
                now,
                afterSeq >= throughSeq ? now : null));
  }

  /** Advances one open replay by a chunk; returns how many deliveries it offered again. */
  public int step(Instant now) {
    return database.inTransaction(
        c -> {
          UUID id;
          UUID endpoint;
          UUID tenant;
          long after;
          long through;
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT id, endpoint_id, tenant_id, after_seq, through_seq FROM replays"
                          + " WHERE done_at IS NULL ORDER BY created_at LIMIT 1"
                          + " FOR UPDATE SKIP LOCKED");
              ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              return 0;
            }
            id = rs.getObject(1, UUID.class);
            endpoint = rs.getObject(2, UUID.class);
            tenant = rs.getObject(3, UUID.class);
            after = rs.getLong(4);
            through = rs.getLong(5);
          }
          long last = after;
          int offered = 0;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "WITH chunk AS (SELECT e.seq FROM events e JOIN endpoints p ON p.id = ? WHERE"
                      + " e.tenant_id = ? AND e.seq > ? AND e.seq <= ? AND e.type = ANY"
                      + " (p.events) AND p.status <> 'deleted' ORDER BY e.seq LIMIT ?)"
                      + " INSERT INTO deliveries (endpoint_id, seq, status, attempts,"
                      + " next_attempt_at) SELECT ?, seq, 'pending', 0, ? FROM chunk"
                      + " ON CONFLICT (endpoint_id, seq) DO UPDATE SET status = 'pending',"
                      + " attempts = 0, next_attempt_at = excluded.next_attempt_at"
                      + " RETURNING seq")) {
            Database.bind(ps, endpoint, tenant, after, through, chunk, endpoint, now);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                offered++;
                last = Math.max(last, rs.getLong(1));
              }
            }
          }
          boolean done = offered < chunk;
          Database.update(
              c,
              "UPDATE replays SET after_seq = ?, done_at = ? WHERE id = ?",
              done ? through : last,
              done ? now : null,
              id);
          if (offered > 0) {
            Database.update(
                c, "UPDATE endpoints SET generation = generation + 1 WHERE id = ?", endpoint);
          }
          return offered;
        });
  }
}
