package com.saldo.backoffice.audit;

import com.saldo.identity.CallerIdentity;
import com.saldo.jdbc.Database;
import com.saldo.jdbc.Keyset;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
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

  /** What one record says; its id and time are given when it is written. */
  public record Entry(
      String actor,
      UUID actorTenant,
      String action,
      String target,
      String requestId,
      Map<String, ?> detail) {

    /** A record of what the caller of this request did. */
    public static Entry by(
        CallerIdentity caller,
        String action,
        String target,
        String requestId,
        Map<String, ?> detail) {
      return new Entry(caller.credentialId(), caller.tenantId(), action, target, requestId, detail);
    }
  }

  private static final String INSERT =
      "INSERT INTO audit_log (id, at, actor, actor_tenant, action, target, request_id, detail)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (id) DO NOTHING";

  private final Database database;
  private final Clock clock;
  private final Supplier<UUID> ids;

  public AuditLog(Database database, Clock clock, Supplier<UUID> ids) {
    this.database = database;
    this.clock = clock;
    this.ids = ids;
  }

  /** What a page of the log keeps: each filter that is not null must match. */
  public record Filter(String action, String target, String actor, Instant from, Instant to) {
    public static final Filter NONE = new Filter(null, null, null, null, null);
  }

  /** Appends a record in the transaction of the action it records. */
  public void append(Connection c, Entry entry) throws SQLException {
    write(c, ids.get(), entry);
  }

  /** Appends a record in a transaction of its own (an action that changes nothing else). */
  public void record(Entry entry) {
    recordOnce(ids.get(), entry);
  }

  /**
   * A record under an id the caller chose (derived from what it records), written once however
   * often it is repeated: a console correction retried with its transfer id leaves one record.
   */
  public void recordOnce(UUID id, Entry entry) {
    database.inTransaction(
        c -> {
          write(c, id, entry);
          return null;
        });
  }

  private void write(Connection c, UUID id, Entry entry) throws SQLException {
    Database.update(
        c,
        INSERT,
        id,
        clock.instant(),
        entry.actor(),
        entry.actorTenant(),
        entry.action(),
        entry.target(),
        entry.requestId(),
        JSON.writeValueAsString(entry.detail()));
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
      args.add(filter.from());
    }
    if (filter.to() != null) {
      where.add("at < ?");
      args.add(filter.to());
    }
    if (beforeAt != null) {
      where.add(Keyset.condition("at", "id", true));
      args.addAll(Keyset.args(Database.time(beforeAt), beforeId));
    }
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
    sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
    args.add(limit);
    return database.query(
        sql.toString(),
        args,
        rs ->
            new Record(
                Database.uuid(rs, "id"),
                Database.instant(rs, "at"),
                rs.getString(3),
                Database.uuid(rs, "actor_tenant"),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8)));
  }

  private static void equal(List<String> where, List<Object> args, String column, String value) {
    if (value != null) {
      where.add(column + " = ?");
      args.add(value);
    }
  }
}
