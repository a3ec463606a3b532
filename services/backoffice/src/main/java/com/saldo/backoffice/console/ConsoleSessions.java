package com.saldo.backoffice.console;

import com.saldo.backoffice.key.ApiKeys;
import com.saldo.backoffice.key.KeySecrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

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

  private final JdbcClient jdbc;
  private final ApiKeys keys;
  private final Clock clock;
  private final Supplier<UUID> ids;

  public ConsoleSessions(JdbcClient jdbc, ApiKeys keys, Clock clock, Supplier<UUID> ids) {
    this.jdbc = jdbc;
    this.keys = keys;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * Starts a session for an active key, or empty when the key already has {@code perKeyMax} live
   * sessions (each sign-in of a shared key is a new session; this bounds the table per key).
   */
  @Transactional
  public Optional<Started> start(UUID keyId, Duration lifetime, int perKeyMax) {
    Instant now = clock.instant();
    jdbc.sql(
            "DELETE FROM console_sessions WHERE id IN (SELECT id FROM console_sessions"
                + " WHERE expires_at <= ? LIMIT "
                + PURGE_BATCH
                + ")")
        .param(time(now))
        .update();
    // the key's row, locked, so that concurrent sign-ins count one after the other
    jdbc.sql("SELECT id FROM api_keys WHERE id = ? FOR UPDATE").param(keyId).query().listOfRows();
    long live =
        jdbc.sql("SELECT count(*) FROM console_sessions WHERE key_id = ? AND expires_at > ?")
            .params(keyId, time(now))
            .query(Long.class)
            .single();
    if (live >= perKeyMax) {
      return Optional.empty();
    }
    UUID id = ids.get();
    String token = SessionTokens.newToken(id);
    Instant expires = now.plus(lifetime);
    jdbc.sql(
            "INSERT INTO console_sessions (id, key_id, token_hash, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(id, keyId, SessionTokens.hash(token), time(now), time(expires))
        .update();
    return Optional.of(new Started(token, expires));
  }

  /** The live session a presented token belongs to. */
  public Optional<Session> find(String token) {
    Optional<UUID> id = SessionTokens.idOf(token);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    record Row(UUID keyId, byte[] hash, Instant expiresAt) {}
    Optional<Row> row =
        jdbc.sql("SELECT key_id, token_hash, expires_at FROM console_sessions WHERE id = ?")
            .param(id.get())
            .query(
                (rs, n) ->
                    new Row(
                        rs.getObject(1, UUID.class),
                        rs.getBytes(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
            .optional();
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
    jdbc.sql("DELETE FROM console_sessions WHERE id = ?").param(sessionId).update();
  }

  private static OffsetDateTime time(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
