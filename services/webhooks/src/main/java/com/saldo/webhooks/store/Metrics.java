package com.saldo.webhooks.store;

import com.saldo.jdbc.Database;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gauges that need the database, refreshed every second: feed lag (the age of the oldest event
 * not yet delivered to an active endpoint, and of the oldest outbox row not yet relayed), disabled
 * endpoints, and the backlog of each endpoint this replica delivers to.
 */
public final class Metrics {

  private static final String OLDEST_UNDELIVERED =
      "SELECT min(e.created_at) FROM endpoints p CROSS JOIN LATERAL (SELECT d.seq FROM deliveries d"
          + " WHERE d.endpoint_id = p.id AND d.status = 'pending' ORDER BY d.seq LIMIT 1) d"
          + " JOIN events e ON e.seq = d.seq WHERE p.status = 'active'";

  /**
   * The position comes as parameters, not from a join with the relay row: only a comparison with
   * constants walks the outbox's (xid, position, id) index instead of scanning the whole outbox.
   */
  private static final String OLDEST_UNRELAYED =
      "SELECT o.created_at FROM ledger.webhooks_v1_outbox o WHERE (o.xid, o.position, o.id) >"
          + " (?::text::xid8, ?, ?::uuid) ORDER BY o.xid, o.position, o.id LIMIT 1";

  private static final String POSITION =
      "SELECT last_xid, last_position, last_event_id FROM relay WHERE id = 1";

  private final Database database;
  private final Clock clock;
  private final MeterRegistry meters;
  private final AtomicLong feedLagMillis = new AtomicLong();
  private final AtomicLong relayLagMillis = new AtomicLong();
  private final AtomicLong disabled = new AtomicLong();
  private final Map<UUID, AtomicLong> backlog = new ConcurrentHashMap<>();

  public Metrics(Database database, Clock clock, MeterRegistry meters) {
    this.database = database;
    this.clock = clock;
    this.meters = meters;
    Gauge.builder("saldo.webhooks.feed.lag", feedLagMillis, v -> v.get() / 1000.0)
        .description("Age of the oldest event not yet delivered to an active endpoint")
        .baseUnit("seconds")
        .register(meters);
    Gauge.builder("saldo.webhooks.relay.lag", relayLagMillis, v -> v.get() / 1000.0)
        .description("Age of the oldest outbox row not yet in the feed")
        .baseUnit("seconds")
        .register(meters);
    Gauge.builder("saldo.webhooks.endpoints.disabled", disabled, AtomicLong::get)
        .description("Endpoints disabled by 410 Gone or days of failure")
        .register(meters);
  }

  public void refresh(Set<UUID> held) {
    Instant now = clock.instant();
    database.inTransaction(
        c -> {
          feedLagMillis.set(age(c, OLDEST_UNDELIVERED, now));
          try (PreparedStatement ps = c.prepareStatement(POSITION);
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            relayLagMillis.set(
                age(
                    c,
                    OLDEST_UNRELAYED,
                    now,
                    Long.toString(rs.getLong(1)),
                    rs.getInt(2),
                    rs.getObject(3)));
          }
          disabled.set(
              Database.single(c, "SELECT count(*) FROM endpoints WHERE status = 'disabled'"));
          Map<UUID, Long> counts = new java.util.HashMap<>();
          if (!held.isEmpty()) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT endpoint_id, count(*) FROM deliveries WHERE status = 'pending'"
                        + " AND endpoint_id = ANY (?::uuid[]) GROUP BY 1")) {
              ps.setArray(1, c.createArrayOf("uuid", held.toArray()));
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
                }
              }
            }
          }
          follow(held, counts);
          return null;
        });
  }

  private void follow(Collection<UUID> held, Map<UUID, Long> counts) {
    for (UUID endpoint : held) {
      backlog
          .computeIfAbsent(
              endpoint,
              id -> {
                AtomicLong value = new AtomicLong();
                Gauge.builder("saldo.webhooks.endpoint.backlog", value, AtomicLong::get)
                    .description("Deliveries pending for an endpoint this replica delivers to")
                    .tag("endpoint", id.toString())
                    .register(meters);
                return value;
              })
          .set(counts.getOrDefault(endpoint, 0L));
    }
    for (UUID endpoint : Set.copyOf(backlog.keySet())) {
      if (!held.contains(endpoint)) {
        backlog.remove(endpoint);
        meters
            .find("saldo.webhooks.endpoint.backlog")
            .tag("endpoint", endpoint.toString())
            .meters()
            .forEach(meters::remove);
      }
    }
  }

  private static long age(java.sql.Connection c, String sql, Instant now, Object... args)
      throws java.sql.SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Database.bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getTimestamp(1) == null) {
          return 0;
        }
        return Math.max(0, now.toEpochMilli() - rs.getTimestamp(1).toInstant().toEpochMilli());
      }
    }
  }
}
