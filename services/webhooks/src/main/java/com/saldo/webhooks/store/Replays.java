package com.saldo.webhooks.store;

import com.saldo.jdbc.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Replays: a range of the feed offered to an endpoint again. A request records the range; then each
 * step, on whichever replica takes the replay's row ({@link com.saldo.jdbc.Dialect#claimingRead}),
 * makes up to a chunk of its deliveries pending again with a fresh schedule, and raises the
 * endpoint's generation so that its worker reloads them in feed order. There is no cap on the
 * range's size, only on each step.
 */
public final class Replays {

  private static final String OPEN = "replays WHERE done_at IS NULL ORDER BY created_at LIMIT 1";

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
    // a plain read first: most of the time there is no replay, and no transaction needs to begin
    if (database
        .read(c -> Database.first(c, "SELECT id FROM " + OPEN, rs -> rs.getString(1)))
        .isEmpty()) {
      return 0;
    }
    return database.inTransaction(
        c -> {
          UUID id;
          UUID endpoint;
          UUID tenant;
          long after;
          long through;
          try (PreparedStatement ps =
                  c.prepareStatement(
                      database
                          .dialect()
                          .claimingRead(
                              "SELECT id, endpoint_id, tenant_id, after_seq, through_seq FROM "
                                  + OPEN));
              ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              return 0;
            }
            id = Database.uuid(rs, 1);
            endpoint = Database.uuid(rs, 2);
            tenant = Database.uuid(rs, 3);
            after = rs.getLong(4);
            through = rs.getLong(5);
          }
          List<Long> seqs =
              Database.list(
                  c,
                  "SELECT e.seq FROM events e JOIN endpoints p ON p.id = ? WHERE e.tenant_id = ?"
                      + " AND e.seq > ? AND e.seq <= ? AND e.type = ANY (p.events)"
                      + " AND p.status <> 'deleted' ORDER BY e.seq LIMIT ?",
                  rs -> rs.getLong(1),
                  endpoint,
                  tenant,
                  after,
                  through,
                  chunk);
          // every column in the update, as Spanner's upsert requires
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO deliveries (endpoint_id, seq, status, attempts, next_attempt_at)"
                      + " VALUES (?, ?, 'pending', 0, ?) ON CONFLICT (endpoint_id, seq) DO UPDATE"
                      + " SET endpoint_id = excluded.endpoint_id, seq = excluded.seq,"
                      + " status = excluded.status, attempts = excluded.attempts,"
                      + " next_attempt_at = excluded.next_attempt_at")) {
            for (long seq : seqs) {
              Database.bind(ps, endpoint, seq, now);
              ps.addBatch();
            }
            if (!seqs.isEmpty()) {
              ps.executeBatch();
            }
          }
          int offered = seqs.size();
          long last = seqs.isEmpty() ? after : seqs.getLast();
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
