package com.saldo.webhooks.store;

import com.saldo.jdbc.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The relay on PostgreSQL. Moves committed outbox rows into the feed, numbering them in the order
 * of the transactions that wrote them, and fans each out to the deliveries of the endpoints that
 * subscribe to its type, all in one transaction (docs/decisions/0005-event-feed-order.md).
 *
 * <p>It reads, at one REPEATABLE READ snapshot, only rows whose transaction id is below the
 * snapshot's xmin: every transaction with a smaller id has committed or aborted, and every future
 * one gets a larger id, so no row can later appear before one already relayed. Rows follow in (xid,
 * position, id) order from where the last relay stopped. The relay row, locked with SKIP LOCKED,
 * makes relays on several replicas take turns, and is touched only by relays.
 */
final class PostgresRelay implements Relay {

  private static final String LOCK =
      "SELECT last_seq, last_xid, last_position, last_event_id FROM relay WHERE id = 1"
          + " FOR UPDATE SKIP LOCKED";

  private static final String MOVE =
      "WITH batch AS ("
          + " SELECT o.xid::text::bigint AS xid, o.position, o.id, o.tenant_id, o.type, o.accounts,"
          + " o.subject_id,"
          + " o.payload::text AS data, o.created_at,"
          + " ?::bigint + row_number() OVER (ORDER BY o.xid, o.position, o.id) AS seq"
          + " FROM ledger.webhooks_v1_outbox o"
          + " WHERE (o.xid, o.position, o.id) > (?::text::xid8, ?, ?::uuid)"
          + " AND o.xid < pg_snapshot_xmin(pg_current_snapshot())"
          + " ORDER BY o.xid, o.position, o.id LIMIT ?),"
          + " moved AS (INSERT INTO events (seq, id, tenant_id, type, accounts, subject_id, data,"
          + " created_at, relayed_at) SELECT seq, id, tenant_id, type, accounts, subject_id, data,"
          + " created_at,"
          + " clock_timestamp() FROM batch RETURNING seq, tenant_id, type),"
          + " fanned AS (INSERT INTO deliveries (endpoint_id, seq, status, attempts,"
          + " next_attempt_at) SELECT p.id, m.seq, 'pending', 0, clock_timestamp() FROM moved m"
          + " JOIN endpoints p ON p.tenant_id = m.tenant_id AND m.type = ANY (p.events)"
          + " AND p.status <> 'deleted' RETURNING 1)"
          + " SELECT b.seq, b.xid, b.position, b.id, (SELECT count(*) FROM batch),"
          + " (SELECT count(*) FROM fanned) FROM batch b ORDER BY b.seq DESC LIMIT 1";

  /**
   * The position comes as parameters, not from a join with the relay row: only a comparison with
   * constants walks the outbox's (xid, position, id) index instead of scanning the whole outbox.
   */
  private static final String OLDEST_UNRELAYED =
      "SELECT o.created_at FROM ledger.webhooks_v1_outbox o WHERE (o.xid, o.position, o.id) >"
          + " (?::text::xid8, ?, ?::uuid) ORDER BY o.xid, o.position, o.id LIMIT 1";

  private static final String ADVANCE =
      "UPDATE relay SET last_seq = ?, last_xid = ?, last_position = ?, last_event_id = ?"
          + " WHERE id = 1";

  private final Database database;
  private final int batch;

  PostgresRelay(Database database, int batch) {
    this.database = database;
    this.batch = batch;
  }

  /** One step: up to a batch of events; none when another relay holds the row. */
  @Override
  public Step step() {
    return database.inTransaction(Connection.TRANSACTION_REPEATABLE_READ, this::step);
  }

  @Override
  public Instant oldestUnrelayed() {
    return database.read(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT last_xid, last_position, last_event_id FROM relay WHERE id = 1");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Database.first(
                    c,
                    OLDEST_UNRELAYED,
                    row -> Database.instant(row.getTimestamp(1)),
                    Long.toString(rs.getLong(1)),
                    rs.getInt(2),
                    rs.getObject(3))
                .orElse(null);
          }
        });
  }

  private Step step(Connection c) throws SQLException {
    long lastSeq;
    long xid;
    int position;
    Object eventId;
    try (PreparedStatement ps = c.prepareStatement(LOCK);
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return new Step(0, 0, -1);
      }
      lastSeq = rs.getLong(1);
      xid = rs.getLong(2);
      position = rs.getInt(3);
      eventId = rs.getObject(4);
    }
    try (PreparedStatement ps = c.prepareStatement(MOVE)) {
      Database.bind(ps, lastSeq, Long.toString(xid), position, eventId, batch);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return new Step(0, 0, lastSeq);
        }
        long seq = rs.getLong(1);
        Database.update(c, ADVANCE, seq, rs.getLong(2), rs.getInt(3), rs.getObject(4));
        return new Step(rs.getInt(5), rs.getInt(6), seq);
      }
    }
  }
}
