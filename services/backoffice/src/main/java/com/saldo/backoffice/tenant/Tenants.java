package com.saldo.backoffice.tenant;

import com.saldo.backoffice.audit.AuditLog;
import com.saldo.jdbc.Database;
import com.saldo.jdbc.Keyset;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The tenants table. */
@Component
public class Tenants {

  public record Tenant(UUID id, String name, Instant createdAt) {}

  private static final String COLUMNS = "id, name, created_at";

  private final Database database;
  private final AuditLog audit;

  public Tenants(Database database, AuditLog audit) {
    this.database = database;
    this.audit = audit;
  }

  /**
   * Creates the tenant and its audit record in one transaction: neither exists without the other.
   */
  public void create(Tenant tenant, AuditLog.Entry record) {
    database.inTransaction(
        c -> {
          Database.update(
              c,
              "INSERT INTO tenants (" + COLUMNS + ") VALUES (?, ?, ?)",
              tenant.id(),
              tenant.name(),
              tenant.createdAt());
          audit.append(c, record);
          return null;
        });
  }

  public Optional<Tenant> find(UUID id) {
    return database.read(c -> find(c, id));
  }

  /** The tenant, read on the connection of a transaction under way. */
  public static Optional<Tenant> find(Connection c, UUID id) throws SQLException {
    return Database.first(c, "SELECT " + COLUMNS + " FROM tenants WHERE id = ?", Tenants::row, id);
  }

  /** Oldest first, strictly after the position {@code (createdAt, id)} when given. */
  public List<Tenant> page(Instant afterAt, UUID afterId, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM tenants");
    List<Object> args = new ArrayList<>();
    if (afterAt != null) {
      sql.append(" WHERE ").append(Keyset.condition("created_at", "id", false));
      args.addAll(Keyset.args(Database.time(afterAt), afterId));
    }
    sql.append(" ORDER BY created_at, id LIMIT ?");
    args.add(limit);
    return database.query(sql.toString(), args, Tenants::row);
  }

  private static Tenant row(ResultSet rs) throws SQLException {
    return new Tenant(
        Database.uuid(rs, "id"), rs.getString("name"), Database.instant(rs, "created_at"));
  }
}
