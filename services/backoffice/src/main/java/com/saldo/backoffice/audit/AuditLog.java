package com.saldo.backoffice.audit;

import com.saldo.identity.CallerIdentity;
import com.saldo.jdbc.Keyset;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to and reads the audit log. Written in the transaction of the action it records, so an
 * action without its record cannot happen. Never holds a secret.
 */
@Component
public class AuditLog {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public record Record(
      UUID id,
      Instant at,
      String actor,
      UUID actorTenant,
      String action,
      String target,
      String requestId,
      String detail) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Supplier<UUID> ids;

  public AuditLog(JdbcClient jdbc, Clock clock, Supplier<UUID> ids) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.ids = ids;
  }

  /** What a page of the log keeps: each filter that is not null must match. */
  public record Filter(String action, String target, String actor, Instant from, Instant to) {
    public static final Filter NONE = new Filter(null, null, null, null, null);
  }

  public void record(
      CallerIdentity actor, String action, String target, String requestId, Map<String, ?> detail) {
    record(actor.credentialId(), actor.tenantId(), action, target, requestId, detail);
  }

  /**
   * A record under an id the caller chose (derived from what it records), written once however
   * often it is repeated: a console correction retried with its transfer id leaves one record.
   */
  public void recordOnce(
      UUID id,
      String actor,
      UUID actorTenant,
      String action,
      String target,
      String requestId,
      Map<String, ?> detail) {
    jdbc.sql(
            "INSERT INTO audit_log (id, at, actor, actor_tenant, action, target, request_id, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (id) DO NOTHING")
        .params(
            id,
            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
            actor,
            actorTenant,
            action,
            target,
            requestId,
            JSON.writeValueAsString(detail))
        .update();
  }

  /** A record by a credential that is not the caller of this request (a console session's key). */
  public void record(
      String actor,
      UUID actorTenant,
      String action,
      String target,
      String requestId,
      Map<String, ?> detail) {
    recordOnce(ids.get(), actor, actorTenant, action, target, requestId, detail);
  }

  /** Newest first, strictly before the position {@code (at, id)} when given. */
  public List<Record> page(Filter filter, Instant beforeAt, UUID beforeId, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, at, actor, actor_tenant, action, target, request_id, detail::text"
                + " FROM audit_log");
    List<Object> args = new ArrayList<>();
    List<String> where = new ArrayList<>();
    equal(where, args, "action", filter.action());
    equal(where, args, "target", filter.target());
    equal(where, args, "actor", filter.actor());
    if (filter.from() != null) {
      where.add("at >= ?");
      args.add(OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
    }
    if (filter.to() != null) {
      where.add("at < ?");
      args.add(OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
    }
    if (beforeAt != null) {
      OffsetDateTime at = OffsetDateTime.ofInstant(beforeAt, ZoneOffset.UTC);
      where.add(Keyset.condition("at", "id", true));
      args.addAll(Keyset.args(at, beforeId));
    }
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
    sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
    args.add(limit);
    return jdbc.sql(sql.toString())
        .params(args)
        .query(
            (rs, n) ->
                new Record(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, OffsetDateTime.class).toInstant(),
                    rs.getString(3),
                    rs.getObject(4, UUID.class),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8)))
        .list();
  }

  private static void equal(List<String> where, List<Object> args, String column, String value) {
    if (value != null) {
      where.add(column + " = ?");
      args.add(value);
    }
  }
}
