package com.saldo.backoffice.key;

import com.saldo.backoffice.audit.AuditLog;
import com.saldo.identity.Scope;
import com.saldo.jdbc.Database;
import com.saldo.jdbc.Keyset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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

  private final Database database;
  private final AuditLog audit;

  public ApiKeys(Database database, AuditLog audit) {
    this.database = database;
    this.audit = audit;
  }

  /**
   * Stores a new key of a tenant and its audit record in one transaction, unless the tenant has
   * {@code activeMax} active keys already: then nothing is written and the answer is false. The
   * tenant's row is locked first, so that concurrent creations count one after the other.
   */
  public boolean create(ApiKey key, int activeMax, AuditLog.Entry record) {
    return database.inTransaction(
        c -> {
          Database.list(
              c,
              database.dialect().lockingRead("SELECT id FROM tenants WHERE id = ?", "tenants"),
              rs -> rs.getObject(1),
              key.tenantId());
          long active =
              Database.single(
                  c,
                  "SELECT count(*) FROM api_keys WHERE tenant_id = ? AND revoked_at IS NULL",
                  key.tenantId());
          if (active >= activeMax) {
            return false;
          }
          Database.update(
              c,
              "INSERT INTO api_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)",
              key.id(),
              key.tenantId(),
              key.name(),
              wire(key.scopes()),
              key.keyHash(),
              key.ratePerSecond(),
              key.burst(),
              key.createdAt());
          audit.append(c, record);
          return true;
        });
  }

  /** Sets the hash of an operator key kept under a fixed id (the bootstrap key). */
  public void upsertOperatorKey(
      UUID id, String name, byte[] hash, int rate, int burst, Instant now) {
    // an update, then an insert where there was nothing to update: both databases run it, where
    // Spanner's upsert would have to set every column, the key's creation time too
    database.inTransaction(
        c -> {
          int updated =
              Database.update(
                  c, "UPDATE api_keys SET key_hash = ?, revoked_at = NULL WHERE id = ?", hash, id);
          if (updated == 0) {
            Database.update(
                c,
                "INSERT INTO api_keys ("
                    + COLUMNS
                    + ") VALUES (?, NULL, ?, 'operator', ?, ?, ?, ?, NULL)",
                id,
                name,
                hash,
                rate,
                burst,
                now);
          }
          return null;
        });
  }

  public Optional<ApiKey> find(UUID id) {
    return database.read(
        c ->
            Database.first(
                c, "SELECT " + COLUMNS + " FROM api_keys WHERE id = ?", ApiKeys::row, id));
  }

  public boolean anyActiveOperatorKey() {
    return database.read(
            c ->
                Database.single(
                    c,
                    "SELECT count(*) FROM api_keys WHERE tenant_id IS NULL AND revoked_at IS NULL"))
        > 0;
  }

  /**
   * Marks a key revoked and records who did it, in one transaction; true if it was active. Revoking
   * a key that is revoked already changes nothing and records nothing.
   */
  public boolean revoke(UUID id, Instant now, AuditLog.Entry record) {
    return database.inTransaction(
        c -> {
          boolean revoked =
              Database.update(
                      c,
                      "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                      now,
                      id)
                  == 1;
          if (revoked) {
            audit.append(c, record);
          }
          return revoked;
        });
  }

  /** A tenant's keys, oldest first, after the position {@code (createdAt, id)} when given. */
  public List<ApiKey> page(UUID tenantId, Instant afterAt, UUID afterId, int limit) {
    StringBuilder sql =
        new StringBuilder("SELECT " + COLUMNS + " FROM api_keys WHERE tenant_id = ?");
    List<Object> args = new ArrayList<>(List.of(tenantId));
    if (afterAt != null) {
      sql.append(" AND ").append(Keyset.condition("created_at", "id", false));
      args.addAll(Keyset.args(Database.time(afterAt), afterId));
    }
    sql.append(" ORDER BY created_at, id LIMIT ?");
    args.add(limit);
    return database.query(sql.toString(), args, ApiKeys::row);
  }

  private static ApiKey row(ResultSet rs) throws SQLException {
    return new ApiKey(
        Database.uuid(rs, "id"),
        Database.uuid(rs, "tenant_id"),
        rs.getString("name"),
        Arrays.stream(rs.getString("scopes").split(" "))
            .map(s -> Scope.parse(s).orElseThrow())
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class))),
        rs.getBytes("key_hash"),
        rs.getInt("rate_per_second"),
        rs.getInt("burst"),
        Database.instant(rs, "created_at"),
        Database.instant(rs, "revoked_at"));
  }

  static String wire(Set<Scope> scopes) {
    return scopes.stream().map(Scope::wire).sorted().collect(Collectors.joining(" "));
  }
}
