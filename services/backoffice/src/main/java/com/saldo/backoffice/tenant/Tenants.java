package com.saldo.backoffice.tenant;

import com.saldo.jdbc.Keyset;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The tenants table. */
@Component
public class Tenants {

  public record Tenant(UUID id, String name, Instant createdAt) {}

  private static final org.springframework.jdbc.core.RowMapper<Tenant> ROW =
      (rs, n) ->
          new Tenant(
              rs.getObject(1, UUID.class),
              rs.getString(2),
              rs.getObject(3, OffsetDateTime.class).toInstant());

  private final JdbcClient jdbc;

  public Tenants(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Tenant tenant) {
    jdbc.sql("INSERT INTO tenants (id, name, created_at) VALUES (?, ?, ?)")
        .params(
            tenant.id(),
            tenant.name(),
            OffsetDateTime.ofInstant(tenant.createdAt(), ZoneOffset.UTC))
        .update();
  }

  public Optional<Tenant> find(UUID id) {
    return jdbc.sql("SELECT id, name, created_at FROM tenants WHERE id = ?")
        .param(id)
        .query(ROW)
        .optional();
  }

  /** Oldest first, strictly after the position {@code (createdAt, id)} when given. */
  public List<Tenant> page(Instant afterAt, UUID afterId, int limit) {
    StringBuilder sql = new StringBuilder("SELECT id, name, created_at FROM tenants");
    List<Object> args = new ArrayList<>();
    if (afterAt != null) {
      OffsetDateTime at = OffsetDateTime.ofInstant(afterAt, ZoneOffset.UTC);
      sql.append(" WHERE ").append(Keyset.condition("created_at", "id", false));
      args.addAll(Keyset.args(at, afterId));
    }
    sql.append(" ORDER BY created_at, id LIMIT ?");
    args.add(limit);
    return jdbc.sql(sql.toString()).params(args).query(ROW).list();
  }
}
