package com.saldo.backoffice.console;

import com.saldo.backoffice.key.ApiKeys;
import com.saldo.backoffice.key.KeySecrets;
import com.saldo.jdbc.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The console_sessions table: sessions derived from an API key, stored as the hash of their token
 * only. A session is valid while it has not expired, has not been ended, and its key is not
 * revoked.
 */
@Component
public class ConsoleSessions {

  /** A live session and the key it acts as. */
  public record Session(UUID id, ApiKeys.ApiKey key, Instant expiresAt) {}

  /** What signing in gave: the token for the cookie, and when it stops working. */
  public record Started(String token, Instant expiresAt) {}

  /** Expired rows removed per sign-in, so that the table stays small without a job of its own. */
  private static final int PURGE_BATCH = 100;

  private final Database database;
  private final ApiKeys keys;
  private final Clock clock;
  private final Supplier<UUID> ids;

  public ConsoleSessions(Database database, ApiKeys keys, Clock clock, Supplier<UUID> ids) {
    this.database = database;
    this.keys = keys;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * Starts a session for an active key, or empty when the key already has {@code perKeyMax} live
   * sessions (each sign-in of a shared key is a new session; this bounds the table per key).
   */
  public Optional<Started> start(UUID keyId, Duration lifetime, int perKeyMax) {
    Instant now = clock.instant();
    return database.inTransaction(
        c -> {
          Database.update(
              c,
              "DELETE FROM console_sessions WHERE id IN (SELECT id FROM console_sessions"
                  + " WHERE expires_at <= ? LIMIT "
                  + PURGE_BATCH
                  + ")",
              now);
          // the key's row, locked, so that concurrent sign-ins count one after the other
          Database.list(
              c,
              database.dialect().lockingRead("SELECT id FROM api_keys k WHERE id = ?", "k"),
              rs -> rs.getObject(1),
              keyId);
          long live =
              Database.single(
                  c,
                  "SELECT count(*) FROM console_sessions WHERE key_id = ? AND expires_at > ?",
                  keyId,
                  now);
          if (live >= perKeyMax) {
            return Optional.empty();
          }
          UUID id = ids.get();
          String token = SessionTokens.newToken(id);
          Instant expires = now.plus(lifetime);
          Database.update(
              c,
              "INSERT INTO console_sessions (id, key_id, token_hash, created_at, expires_at)"
                  + " VALUES (?, ?, ?, ?, ?)",
              id,
              keyId,
              SessionTokens.hash(token),
              now,
              expires);
          return Optional.of(new Started(token, expires));
        });
  }

  /** The live session a presented token belongs to. */
  public Optional<Session> find(String token) {
    Optional<UUID> id = SessionTokens.idOf(token);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    record Row(UUID keyId, byte[] hash, Instant expiresAt) {}
    Optional<Row> row =
        database.read(
            c ->
                Database.first(
                    c,
                    "SELECT key_id, token_hash, expires_at FROM console_sessions WHERE id = ?",
                    rs ->
                        new Row(
                            Database.uuid(rs, "key_id"),
                            rs.getBytes(2),
                            Database.instant(rs, "expires_at")),
                    id.get()));
    Instant now = clock.instant();
    return row.filter(r -> r.expiresAt().isAfter(now))
        .filter(r -> KeySecrets.matches(token, r.hash()))
        .flatMap(
            r ->
                keys.find(r.keyId())
                    .filter(k -> k.revokedAt() == null)
                    .map(k -> new Session(id.get(), k, r.expiresAt())));
  }

  /** Ends a session (sign-out); ending one that is gone already is not an error. */
  public void end(UUID sessionId) {
    database.inTransaction(
        c -> Database.update(c, "DELETE FROM console_sessions WHERE id = ?", sessionId));
  }
}
