package com.saldo.webhooks.store;

import com.saldo.jdbc.Database;
import com.saldo.webhooks.delivery.Delivery;
import com.saldo.webhooks.delivery.DeliveryStore;
import com.saldo.webhooks.delivery.Endpoint;
import com.saldo.webhooks.delivery.Result;
import com.saldo.webhooks.signing.SecretBox;
import com.saldo.webhooks.signing.Signer;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Deliveries, attempts and leases in PostgreSQL; {@link SpannerDeliveryStore} replaces the three
 * methods whose statements Spanner cannot run (lateral joins, unnest of several arrays, an upsert
 * with a condition), and shares the rest.
 */
public class JdbcDeliveryStore implements DeliveryStore {

  private static final String PENDING =
      "SELECT d.endpoint_id, d.seq, e.id, e.type, e.accounts, e.created_at, e.data, d.attempts,"
          + " d.next_attempt_at FROM unnest(?::uuid[], ?::int8[], ?::int4[]) AS w(endpoint_id,"
          + " after_seq, room) CROSS JOIN LATERAL (SELECT * FROM deliveries d WHERE d.endpoint_id"
          + " = w.endpoint_id AND d.seq > w.after_seq AND d.status = 'pending' ORDER BY d.seq"
          + " LIMIT w.room) d JOIN events e ON e.seq = d.seq ORDER BY d.endpoint_id, d.seq";

  private static final String UPDATE_DELIVERIES =
      "UPDATE deliveries d SET status = u.status, attempts = u.attempts, next_attempt_at ="
          + " coalesce(u.next, d.next_attempt_at) FROM unnest(?::uuid[], ?::int8[], ?::text[],"
          + " ?::int4[], ?::timestamptz[]) AS u(endpoint_id, seq, status, attempts, next) WHERE"
          + " d.endpoint_id = u.endpoint_id AND d.seq = u.seq";

  private static final String INSERT_ATTEMPTS =
      "INSERT INTO attempts (endpoint_id, seq, attempt, attempted_at, status_code, latency_ms,"
          + " error, succeeded, next_attempt_at) SELECT * FROM unnest(?::uuid[], ?::int8[],"
          + " ?::int4[], ?::timestamptz[], ?::int4[], ?::int4[], ?::text[], ?::bool[],"
          + " ?::timestamptz[])";

  private static final String UPDATE_ENDPOINTS =
      "UPDATE endpoints p SET failing_since = CASE WHEN u.ok THEN NULL ELSE"
          + " coalesce(p.failing_since, u.at) END, status = CASE WHEN u.reason IS NOT NULL AND"
          + " p.status = 'active' THEN 'disabled' ELSE p.status END, disabled_reason = CASE WHEN"
          + " u.reason IS NOT NULL AND p.status = 'active' THEN u.reason ELSE p.disabled_reason"
          + " END FROM unnest(?::uuid[], ?::bool[], ?::timestamptz[], ?::text[]) AS u(id, ok, at,"
          + " reason) WHERE p.id = u.id";

  private static final String ENDPOINTS =
      "SELECT id, tenant_id, url, status, rate_per_second, secret, previous_secret,"
          + " previous_until, generation, failing_since FROM endpoints WHERE id = ANY (?)";

  protected final Database database;
  private final SecretBox secrets;

  /** The store for the database's dialect. */
  public static DeliveryStore of(Database database, SecretBox secrets) {
    return database.dialect() == com.saldo.jdbc.Dialect.SPANNER
        ? new SpannerDeliveryStore(database, secrets)
        : new JdbcDeliveryStore(database, secrets);
  }

  JdbcDeliveryStore(Database database, SecretBox secrets) {
    this.database = database;
    this.secrets = secrets;
  }

  @Override
  public List<Delivery> pending(Collection<Ask> asks) {
    UUID[] ids = new UUID[asks.size()];
    Long[] after = new Long[asks.size()];
    Integer[] room = new Integer[asks.size()];
    int i = 0;
    for (Ask ask : asks) {
      ids[i] = ask.endpointId();
      after[i] = ask.afterSeq();
      room[i++] = ask.room();
    }
    return database.inTransaction(
        c -> {
          List<Delivery> deliveries = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(PENDING)) {
            ps.setArray(1, Database.array(c, "uuid", ids));
            ps.setArray(2, Database.array(c, "int8", after));
            ps.setArray(3, Database.array(c, "int4", room));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                deliveries.add(delivery(rs));
              }
            }
          }
          return deliveries;
        });
  }

  /**
   * A pending delivery with its event, from a row of (endpoint, seq, event id, type, accounts,
   * created at, data, attempts, next attempt).
   */
  static Delivery delivery(ResultSet rs) throws SQLException {
    return new Delivery(
        Database.uuid(rs, 1),
        rs.getLong(2),
        Database.uuid(rs, 3),
        rs.getString(4),
        Database.uuids(rs, 5),
        Database.instant(rs.getTimestamp(6)),
        rs.getString(7),
        rs.getInt(8),
        Database.instant(rs.getTimestamp(9)));
  }

  @Override
  public void record(List<Result> results, List<EndpointChange> changes) {
    Map<String, Result> last = new LinkedHashMap<>();
    for (Result r : results) {
      last.put(r.endpointId() + "/" + r.seq(), r);
    }
    Map<UUID, EndpointChange> lastChange = new LinkedHashMap<>();
    for (EndpointChange change : changes) {
      EndpointChange prior = lastChange.get(change.endpointId());
      // a disabling is kept even when a later attempt of the batch changed the state again
      String reason =
          change.disabledReason() != null
              ? change.disabledReason()
              : prior == null ? null : prior.disabledReason();
      lastChange.put(
          change.endpointId(),
          new EndpointChange(change.endpointId(), change.succeeded(), change.at(), reason));
    }
    database.inTransaction(
        c -> {
          updateDeliveries(c, List.copyOf(last.values()));
          insertAttempts(c, results);
          updateEndpoints(c, List.copyOf(lastChange.values()));
          return null;
        });
  }

  /** Part of {@link #record}, on its connection. */
  protected void updateDeliveries(Connection c, List<Result> rows) throws SQLException {
    int n = rows.size();
    Object[][] col = new Object[5][n];
    for (int i = 0; i < n; i++) {
      Result r = rows.get(i);
      col[0][i] = r.endpointId();
      col[1][i] = r.seq();
      col[2][i] = r.status();
      col[3][i] = r.attempt();
      col[4][i] = Database.time(r.nextAttemptAt());
    }
    execute(
        c, UPDATE_DELIVERIES, new String[] {"uuid", "int8", "text", "int4", "timestamptz"}, col);
  }

  /** Part of {@link #record}, on its connection. */
  protected void insertAttempts(Connection c, List<Result> rows) throws SQLException {
    int n = rows.size();
    Object[][] col = new Object[9][n];
    for (int i = 0; i < n; i++) {
      Result r = rows.get(i);
      col[0][i] = r.endpointId();
      col[1][i] = r.seq();
      col[2][i] = r.attempt();
      col[3][i] = Database.time(r.attemptedAt());
      col[4][i] = r.statusCode() == 0 ? null : r.statusCode();
      col[5][i] = (int) Math.min(Integer.MAX_VALUE, r.latencyMillis());
      col[6][i] = r.error() == null ? null : shorten(r.error(), 512);
      col[7][i] = r.succeeded();
      col[8][i] = Database.time(r.nextAttemptAt());
    }
    execute(
        c,
        INSERT_ATTEMPTS,
        new String[] {
          "uuid", "int8", "int4", "timestamptz", "int4", "int4", "text", "bool", "timestamptz"
        },
        col);
  }

  /** Part of {@link #record}, on its connection. */
  protected void updateEndpoints(Connection c, List<EndpointChange> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    int n = rows.size();
    Object[][] col = new Object[4][n];
    for (int i = 0; i < n; i++) {
      EndpointChange e = rows.get(i);
      col[0][i] = e.endpointId();
      col[1][i] = e.succeeded();
      col[2][i] = Database.time(e.at());
      col[3][i] = e.disabledReason();
    }
    execute(c, UPDATE_ENDPOINTS, new String[] {"uuid", "bool", "timestamptz", "text"}, col);
  }

  private static void execute(Connection c, String sql, String[] types, Object[][] columns)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < columns.length; i++) {
        ps.setArray(i + 1, c.createArrayOf(types[i], columns[i]));
      }
      ps.executeUpdate();
    }
  }

  @Override
  public Set<UUID> renew(UUID worker, Instant now, Instant until) {
    return database.inTransaction(
        c -> {
          Database.update(
              c,
              "INSERT INTO workers (id, seen_at) VALUES (?, ?)"
                  + " ON CONFLICT (id) DO UPDATE SET id = excluded.id, seen_at = excluded.seen_at",
              worker,
              now);
          return ids(
              c,
              "UPDATE leases SET expires_at = ? WHERE owner = ? RETURNING endpoint_id",
              until,
              worker);
        });
  }

  @Override
  public int liveWorkers(Instant since) {
    return database.read(
        c -> (int) Database.single(c, "SELECT count(*) FROM workers WHERE seen_at > ?", since));
  }

  @Override
  public int activeEndpoints() {
    return database.read(
        c -> (int) Database.single(c, "SELECT count(*) FROM endpoints WHERE status = 'active'"));
  }

  @Override
  public Set<UUID> claim(UUID worker, int count, Instant now, Instant until) {
    return database.inTransaction(
        c ->
            ids(
                c,
                "INSERT INTO leases (endpoint_id, owner, expires_at) SELECT p.id, ?, ? FROM"
                    + " endpoints p LEFT JOIN leases l ON l.endpoint_id = p.id WHERE p.status ="
                    + " 'active' AND (l.endpoint_id IS NULL OR l.expires_at < ?) ORDER BY random()"
                    + " LIMIT ? ON CONFLICT (endpoint_id) DO UPDATE SET owner = excluded.owner,"
                    + " expires_at = excluded.expires_at WHERE leases.expires_at < ?"
                    + " RETURNING endpoint_id",
                worker,
                until,
                now,
                count,
                now));
  }

  @Override
  public void release(UUID worker, Collection<UUID> endpoints) {
    if (endpoints.isEmpty()) {
      return;
    }
    database.inTransaction(
        c -> {
          return Database.update(
              c,
              "DELETE FROM leases WHERE owner = ? AND endpoint_id = ANY (?)",
              worker,
              Database.ids(c, endpoints));
        });
  }

  @Override
  public Map<UUID, Endpoint> endpoints(Collection<UUID> ids, Instant now) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return database.read(
        c -> {
          Map<UUID, Endpoint> found = new LinkedHashMap<>();
          try (PreparedStatement ps = c.prepareStatement(ENDPOINTS)) {
            ps.setArray(1, Database.ids(c, ids));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                UUID id = Database.uuid(rs, 1);
                List<byte[]> keys = new ArrayList<>(2);
                keys.add(Signer.keyOf(secrets.open(rs.getBytes(6), id.toString())));
                Instant previousUntil = Database.instant(rs.getTimestamp(8));
                if (rs.getBytes(7) != null && previousUntil != null && previousUntil.isAfter(now)) {
                  keys.add(Signer.keyOf(secrets.open(rs.getBytes(7), id.toString())));
                }
                found.put(
                    id,
                    new Endpoint(
                        id,
                        Database.uuid(rs, 2),
                        URI.create(rs.getString(3)),
                        rs.getString(4),
                        rs.getInt(5),
                        List.copyOf(keys),
                        rs.getLong(9),
                        Database.instant(rs.getTimestamp(10))));
              }
            }
          }
          return found;
        });
  }

  static Set<UUID> ids(Connection c, String sql, Object... args) throws SQLException {
    Set<UUID> ids = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Database.bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(Database.uuid(rs, 1));
        }
      }
    }
    return ids;
  }

  static String shorten(String text, int max) {
    String clean = text.replace("\0", "");
    return clean.length() <= max ? clean : clean.substring(0, max);
  }
}
