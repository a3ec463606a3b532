package com.saldo.backoffice.key;

import com.saldo.identity.Scope;
import com.saldo.jdbc.Keyset;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The api_keys table. */
@Component
public class ApiKeys {

  /** A stored key: never its secret, only the hash. */
  public record ApiKey(
      UUID id,
      UUID tenantId,
      String name,
      Set<Scope> scopes,
      byte[] keyHash,
      int ratePerSecond,
      int burst,
      Instant createdAt,
      Instant revokedAt) {}

  private static final String COLUMNS =
      "id, tenant_id, name, scopes, key_hash, rate_per_second, burst, created_at, revoked_at";

  private static final RowMapper<ApiKey> ROW =
      (rs, n) ->
          new ApiKey(
              rs.getObject("id", UUID.class),
              rs.getObject("tenant_id", UUID.class),
              rs.getString("name"),
              Arrays.stream(rs.getString("scopes").split(" "))
                  .map(s -> Scope.parse(s).orElseThrow())
                  .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class))),
              rs.getBytes("key_hash"),
              rs.getInt("rate_per_second"),
              rs.getInt("burst"),
              rs.getObject("created_at", OffsetDateTime.class).toInstant(),
              Optional.ofNullable(rs.getObject("revoked_at", OffsetDateTime.class))
                  .map(OffsetDateTime::toInstant)
                  .orElse(null));

  private final JdbcClient jdbc;

  public ApiKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(ApiKey key) {
    jdbc.sql("INSERT INTO api_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)")
        .params(
            key.id(),
            key.tenantId(),
            key.name(),
            wire(key.scopes()),
            key.keyHash(),
            key.ratePerSecond(),
            key.burst(),
            time(key.createdAt()))
        .update();
  }

  /** Sets the hash of an operator key kept under a fixed id (the bootstrap key). */
  public void upsertOperatorKey(
      UUID id, String name, byte[] hash, int rate, int burst, Instant now) {
    jdbc.sql(
            "INSERT INTO api_keys ("
                + COLUMNS
                + ") VALUES (?, NULL, ?, 'operator', ?, ?, ?, ?, NULL)"
                + " ON CONFLICT (id) DO UPDATE SET key_hash = excluded.key_hash, revoked_at = NULL")
        .params(id, name, hash, rate, burst, time(now))
        .update();
  }

  public Optional<ApiKey> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE id = ?")
        .param(id)
        .query(ROW)
        .optional();
  }

  public boolean anyActiveOperatorKey() {
    return jdbc.sql("SELECT count(*) FROM api_keys WHERE tenant_id IS NULL AND revoked_at IS NULL")
            .query(Long.class)
            .single()
        > 0;
  }

  public long countActive(UUID tenantId) {
    return jdbc.sql("SELECT count(*) FROM api_keys WHERE tenant_id = ? AND revoked_at IS NULL")
        .param(tenantId)
        .query(Long.class)
        .single();
  }

  /** Marks a key revoked; true if it was active. */
  public boolean revoke(UUID id, Instant now) {
    return jdbc.sql("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
            .params(time(now), id)
            .update()
        == 1;
  }

  /** A tenant's keys, oldest first, after the position {@code (createdAt, id)} when given. */
  public List<ApiKey> page(UUID tenantId, Instant afterAt, UUID afterId, int limit) {
    StringBuilder sql =
        new StringBuilder("SELECT " + COLUMNS + " FROM api_keys WHERE tenant_id = ?");
    List<Object> args = new ArrayList<>(List.of(tenantId));
    if (afterAt != null) {
      sql.append(" AND ").append(Keyset.condition("created_at", "id", false));
      args.addAll(Keyset.args(time(afterAt), afterId));
    }
    sql.append(" ORDER BY created_at, id LIMIT ?");
    args.add(limit);
    return jdbc.sql(sql.toString()).params(args).query(ROW).list();
  }

  static String wire(Set<Scope> scopes) {
    return scopes.stream().map(Scope::wire).sorted().collect(Collectors.joining(" "));
  }

  private static OffsetDateTime time(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
