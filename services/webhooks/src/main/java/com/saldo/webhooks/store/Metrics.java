package com.saldo.webhooks.store;

import com.saldo.jdbc.Database;
import com.saldo.jdbc.Dialect;
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

  /** Spanner has no lateral join: each active endpoint's first pending seq, then its event. */
  private static final String OLDEST_UNDELIVERED_ON_SPANNER =
      "SELECT min(e.created_at) FROM (SELECT p.id, p.tenant_id, min(d.seq) AS seq FROM endpoints p"
          + " JOIN deliveries d ON d.endpoint_id = p.id AND d.status = 'pending'"
          + " WHERE p.status = 'active' GROUP BY p.id, p.tenant_id) f"
          + " JOIN events e ON e.tenant_id = f.tenant_id AND e.seq = f.seq";

  private final Database database;
  private final Relay relay;
  private final Clock clock;
  private final MeterRegistry meters;
  private final AtomicLong feedLagMillis = new AtomicLong();
  private final AtomicLong relayLagMillis = new AtomicLong();
  private final AtomicLong disabled = new AtomicLong();
  private final Map<UUID, AtomicLong> backlog = new ConcurrentHashMap<>();

  public Metrics(Database database, Relay relay, Clock clock, MeterRegistry meters) {
    this.database = database;
    this.relay = relay;
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
    Instant unrelayed = relay.oldestUnrelayed();
    relayLagMillis.set(
        unrelayed == null ? 0 : Math.max(0, now.toEpochMilli() - unrelayed.toEpochMilli()));
    database.read(
        c -> {
          feedLagMillis.set(
              age(
                  c,
                  database.dialect() == Dialect.SPANNER
                      ? OLDEST_UNDELIVERED_ON_SPANNER
                      : OLDEST_UNDELIVERED,
                  now));
          disabled.set(
              Database.single(c, "SELECT count(*) FROM endpoints WHERE status = 'disabled'"));
          Map<UUID, Long> counts = new java.util.HashMap<>();
          if (!held.isEmpty()) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT endpoint_id, count(*) FROM deliveries WHERE status = 'pending'"
                        + " AND endpoint_id = ANY (?) GROUP BY endpoint_id")) {
              ps.setArray(1, Database.ids(c, held));
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  counts.put(Database.uuid(rs, 1), rs.getLong(2));
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

  private static long age(java.sql.Connection c, String sql, Instant now)
      throws java.sql.SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getTimestamp(1) == null) {
          return 0;
        }
        return Math.max(0, now.toEpochMilli() - rs.getTimestamp(1).toInstant().toEpochMilli());
      }
    }
  }
}
