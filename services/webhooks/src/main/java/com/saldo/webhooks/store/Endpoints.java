package com.saldo.webhooks.store;

import com.saldo.jdbc.Database;
import com.saldo.jdbc.Dialect;
import com.saldo.webhooks.endpoint.Webhook;
import com.saldo.webhooks.signing.SecretBox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Tenants' endpoints. Every read and write names the tenant, so another tenant's endpoint is
 * exactly as absent as a missing one. A deleted endpoint is marked, and its rows are removed in
 * bounded batches by the {@link Pruner}.
 */
public final class Endpoints {

  /** An attempt as {@code GET /v1/webhooks/{id}/deliveries} shows it. */
  public record AttemptRow(
      long id,
      long seq,
      UUID eventId,
      String eventType,
      int attempt,
      Instant attemptedAt,
      Integer statusCode,
      int latencyMillis,
      String error,
      boolean succeeded,
      Instant nextAttemptAt) {}

  /** What a PATCH changes; null fields stay. */
  public record Change(
      String url, List<String> events, String description, String status, Integer rateLimit) {}

  private static final String COLUMNS =
      "id, tenant_id, url, events, description, status, disabled_reason, rate_per_second,"
          + " failing_since, previous_until, created_at, updated_at";

  private final Database database;
  private final SecretBox secrets;

  public Endpoints(Database database, SecretBox secrets) {
    this.database = database;
    this.secrets = secrets;
  }

  /** Inserts the endpoint unless the tenant has {@code max} already; false when it has. */
  public boolean insert(Webhook w, String secret, int max) {
    return database.inTransaction(
        c -> {
          // one tenant's inserts take turns, so that two at once cannot both pass the count: on
          // PostgreSQL under a lock on the tenant; on Spanner the transaction is serializable, and
          // of two that counted the same rows one is aborted and runs again
          if (database.dialect() != Dialect.SPANNER) {
            Database.execute(
                c, "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", w.tenantId().toString());
          }
          long count =
              Database.single(
                  c,
                  "SELECT count(*) FROM endpoints WHERE tenant_id = ? AND status <> 'deleted'",
                  w.tenantId());
          if (count >= max) {
            return false;
          }
          Database.update(
              c,
              "INSERT INTO endpoints (id, tenant_id, url, events, description, status,"
                  + " rate_per_second, secret, created_at, updated_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              w.id(),
              w.tenantId(),
              w.url(),
              Database.texts(c, w.events()),
              w.description(),
              w.status(),
              w.rateLimit(),
              secrets.seal(secret, w.id().toString()),
              w.createdAt(),
              w.updatedAt());
          return true;
        });
  }

  public Optional<Webhook> find(UUID tenant, UUID id) {
    return database.read(c -> find(c, tenant, id, false));
  }

  private Optional<Webhook> find(Connection c, UUID tenant, UUID id, boolean lock)
      throws SQLException {
    String select =
        "SELECT "
            + COLUMNS
            + " FROM endpoints WHERE tenant_id = ? AND id = ? AND status <> 'deleted'";
    try (PreparedStatement ps =
        c.prepareStatement(lock ? database.dialect().lockingRead(select, "endpoints") : select)) {
      Database.bind(ps, tenant, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(webhook(rs)) : Optional.empty();
      }
    }
  }

  /** A page of the tenant's endpoints, oldest first, after the cursor's (time, id). */
  public List<Webhook> list(UUID tenant, Instant afterTime, UUID afterId, int limit) {
    return database.read(
        c -> {
          List<Webhook> page = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM endpoints WHERE tenant_id = ? AND status <> 'deleted'"
                      + (afterId == null
                          ? ""
                          : " AND (created_at > ? OR (created_at = ? AND id > ?))")
                      + " ORDER BY created_at, id LIMIT ?")) {
            if (afterId == null) {
              Database.bind(ps, tenant, limit);
            } else {
              Database.bind(ps, tenant, afterTime, afterTime, afterId, limit);
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                page.add(webhook(rs));
              }
            }
          }
          return page;
        });
  }

  /**
   * Applies a PATCH. Making a paused or disabled endpoint active again clears its failure and
   * raises its generation, so that the replica delivering to it offers the backlog.
   */
  public Optional<Webhook> change(UUID tenant, UUID id, Change change, Instant now) {
    return database.inTransaction(
        c -> {
          Optional<Webhook> found = find(c, tenant, id, true);
          if (found.isEmpty()) {
            return found;
          }
          Webhook w = found.get();
          boolean reactivated =
              Webhook.ACTIVE.equals(change.status()) && !w.status().equals(Webhook.ACTIVE);
          String status = change.status() == null ? w.status() : change.status();
          Database.update(
              c,
              "UPDATE endpoints SET url = ?, events = ?, description = ?, status = ?,"
                  + " rate_per_second = ?, disabled_reason = ?, failing_since = ?,"
                  + " generation = generation + ?, updated_at = ? WHERE id = ?",
              change.url() == null ? w.url() : change.url(),
              Database.texts(c, change.events() == null ? w.events() : change.events()),
              change.description() == null ? w.description() : change.description(),
              status,
              change.rateLimit() == null ? w.rateLimit() : change.rateLimit(),
              status.equals(Webhook.DISABLED) ? w.disabledReason() : null,
              reactivated ? null : w.failingSince(),
              reactivated ? 1 : 0,
              now,
              id);
          return find(c, tenant, id, false);
        });
  }

  /** Marks the endpoint deleted: no more deliveries, its rows pruned later. */
  public boolean delete(UUID tenant, UUID id, Instant now) {
    return database.inTransaction(
        c ->
            Database.update(
                    c,
                    "UPDATE endpoints SET status = 'deleted', updated_at = ? WHERE tenant_id = ?"
                        + " AND id = ? AND status <> 'deleted'",
                    now,
                    tenant,
                    id)
                == 1);
  }

  /** A new secret; the current one keeps signing beside it until {@code previousUntil}. */
  public Optional<Webhook> rotate(UUID tenant, UUID id, String secret, Instant now, Instant until) {
    return database.inTransaction(
        c -> {
          if (find(c, tenant, id, true).isEmpty()) {
            return Optional.<Webhook>empty();
          }
          Database.update(
              c,
              "UPDATE endpoints SET previous_secret = secret, previous_until = ?, secret = ?,"
                  + " updated_at = ? WHERE id = ?",
              until,
              secrets.seal(secret, id.toString()),
              now,
              id);
          return find(c, tenant, id, false);
        });
  }

  /** The endpoint's attempts, newest first, before the cursor's attempt id. */
  public List<AttemptRow> attempts(UUID tenant, UUID endpoint, Long beforeId, int limit) {
    return database.read(
        c -> {
          List<AttemptRow> page = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT a.id, a.seq, e.id, e.type, a.attempt, a.attempted_at, a.status_code,"
                      + " a.latency_ms, a.error, a.succeeded, a.next_attempt_at FROM attempts a"
                      + " LEFT JOIN events e ON e.tenant_id = ? AND e.seq = a.seq"
                      + " WHERE a.endpoint_id = ?"
                      + (beforeId == null ? "" : " AND a.id < ?")
                      + " ORDER BY a.id DESC LIMIT ?")) {
            if (beforeId == null) {
              Database.bind(ps, tenant, endpoint, limit);
            } else {
              Database.bind(ps, tenant, endpoint, beforeId, limit);
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                page.add(
                    new AttemptRow(
                        rs.getLong(1),
                        rs.getLong(2),
                        Database.uuid(rs, 3),
                        rs.getString(4),
                        rs.getInt(5),
                        Database.instant(rs.getTimestamp(6)),
                        rs.getObject(7) == null ? null : rs.getInt(7),
                        rs.getInt(8),
                        rs.getString(9),
                        rs.getBoolean(10),
                        Database.instant(rs.getTimestamp(11))));
              }
            }
          }
          return page;
        });
  }

  /** How many deliveries of the endpoint are pending, and when the next one is due. */
  public long pendingCount(UUID endpoint) {
    return database.read(
        c ->
            Database.single(
                c,
                "SELECT count(*) FROM deliveries WHERE endpoint_id = ? AND status = 'pending'",
                endpoint));
  }

  private static Webhook webhook(ResultSet rs) throws SQLException {
    return new Webhook(
        Database.uuid(rs, 1),
        Database.uuid(rs, 2),
        rs.getString(3),
        List.copyOf(Arrays.asList((String[]) rs.getArray(4).getArray())),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getInt(8),
        Database.instant(rs.getTimestamp(9)),
        Database.instant(rs.getTimestamp(10)),
        Database.instant(rs.getTimestamp(11)),
        Database.instant(rs.getTimestamp(12)));
  }
}
