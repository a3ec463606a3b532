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

  public void record(
      CallerIdentity actor, String action, String target, String requestId, Map<String, ?> detail) {
    jdbc.sql(
            "INSERT INTO audit_log (id, at, actor, actor_tenant, action, target, request_id, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)")
        .params(
            ids.get(),
            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
            actor.credentialId(),
            actor.tenantId(),
            action,
            target,
            requestId,
            JSON.writeValueAsString(detail))
        .update();
  }

  /** Newest first, strictly before the position {@code (at, id)} when given. */
  public List<Record> page(Instant beforeAt, UUID beforeId, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, at, actor, actor_tenant, action, target, request_id, detail::text"
                + " FROM audit_log");
    List<Object> args = new ArrayList<>();
    if (beforeAt != null) {
      OffsetDateTime at = OffsetDateTime.ofInstant(beforeAt, ZoneOffset.UTC);
      sql.append(" WHERE ").append(Keyset.condition("at", "id", true));
      args.addAll(Keyset.args(at, beforeId));
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
}
