package com.saldo.webhooks.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.jdbc.Database;
import com.saldo.jdbc.Dialect;
import com.saldo.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Retention over the real schema: what is older than the retention goes, a bounded batch at a time,
 * the feed's pruned mark follows the events, and nothing younger (or owed to an endpoint for a kept
 * event) is touched.
 */
class PrunerTest {

  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
  private static final Duration RETENTION = Duration.ofDays(30);
  private static final Instant OLD = NOW.minus(Duration.ofDays(31));
  private static final Instant YOUNG = NOW.minus(Duration.ofDays(29));

  private final PGSimpleDataSource dataSource = new PGSimpleDataSource();
  private final UUID tenant = UUID.randomUUID();
  private final UUID endpoint = UUID.randomUUID();

  @BeforeEach
  void schema() throws SQLException {
    TestDatabase.Database db = TestDatabase.create();
    dataSource.setUrl(db.url());
    dataSource.setUser(db.user());
    dataSource.setPassword(db.password());
    dataSource.setCurrentSchema("webhooks");
    Flyway.configure()
        .dataSource(dataSource)
        .schemas("webhooks")
        .defaultSchema("webhooks")
        .createSchemas(true)
        // as the service runs it: a lock that holds no transaction open, which CREATE INDEX
        // CONCURRENTLY (V2) would wait for forever
        .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
        .load()
        .migrate();
    insertEndpoint(endpoint, "active");
  }

  @Test
  void oldEventsGoInBoundedBatchesAndTheFeedsMarkFollows() throws SQLException {
    for (long seq = 1; seq <= 10; seq++) {
      insertEvent(seq, seq <= 7 ? OLD : YOUNG);
      insertDelivery(endpoint, seq, "succeeded");
    }
    Pruner pruner = new Pruner(new Database(dataSource, Dialect.POSTGRESQL), RETENTION, 3);

    pruner.prune(NOW, 1);
    assertThat(count("events")).isEqualTo(7);
    assertThat(prunedThrough()).isEqualTo(3);
    assertThat(count("deliveries")).isEqualTo(7);

    pruner.prune(NOW, 10);
    assertThat(count("events")).isEqualTo(3);
    assertThat(single("SELECT min(seq) FROM events")).isEqualTo(8);
    assertThat(prunedThrough()).isEqualTo(7);
    assertThat(single("SELECT min(seq) FROM deliveries")).isEqualTo(8);

    assertThat(pruner.prune(NOW, 10)).isZero();
    assertThat(prunedThrough()).isEqualTo(7);
  }

  @Test
  void anOldEventBehindAYoungerOneWaitsSoTheMarkNeverSkipsAKeptEvent() throws SQLException {
    insertEvent(1, OLD);
    insertEvent(2, YOUNG);
    insertEvent(3, OLD);
    new Pruner(new Database(dataSource, Dialect.POSTGRESQL), RETENTION, 100).prune(NOW, 10);
    assertThat(single("SELECT count(*) FROM events WHERE seq IN (2, 3)")).isEqualTo(2);
    assertThat(prunedThrough()).isEqualTo(1);
  }

  @Test
  void oldAttemptsAndDeletedEndpointsGoWithEverythingOfTheirs() throws SQLException {
    UUID deleted = UUID.randomUUID();
    insertEndpoint(deleted, "deleted");
    for (long seq = 1; seq <= 5; seq++) {
      insertEvent(seq, YOUNG);
      insertDelivery(endpoint, seq, "pending");
      insertDelivery(deleted, seq, "pending");
      insertAttempt(endpoint, seq, seq <= 2 ? OLD : YOUNG);
      insertAttempt(deleted, seq, YOUNG);
    }
    try (Connection c = dataSource.getConnection();
        Statement sql = c.createStatement()) {
      sql.execute(
          "INSERT INTO leases VALUES ('"
              + deleted
              + "', gen_random_uuid(), now() + interval '1h')");
    }

    new Pruner(new Database(dataSource, Dialect.POSTGRESQL), RETENTION, 2).prune(NOW, 100);

    assertThat(count("events")).isEqualTo(5);
    assertThat(single("SELECT count(*) FROM deliveries WHERE endpoint_id = '" + endpoint + "'"))
        .isEqualTo(5);
    assertThat(single("SELECT count(*) FROM attempts WHERE endpoint_id = '" + endpoint + "'"))
        .isEqualTo(3);
    for (String table : new String[] {"deliveries", "attempts", "leases"}) {
      assertThat(single("SELECT count(*) FROM " + table + " WHERE endpoint_id = '" + deleted + "'"))
          .as(table)
          .isZero();
    }
    assertThat(single("SELECT count(*) FROM endpoints WHERE id = '" + deleted + "'")).isZero();
    assertThat(single("SELECT count(*) FROM endpoints WHERE id = '" + endpoint + "'")).isOne();
  }

  private void insertEndpoint(UUID id, String status) throws SQLException {
    execute(
        "INSERT INTO endpoints (id, tenant_id, url, events, status, rate_per_second, secret,"
            + " created_at, updated_at) VALUES (?, ?, 'https://example.com/hook', '{}', ?, 10,"
            + " '\\x00', now(), now())",
        id,
        tenant,
        status);
  }

  private void insertEvent(long seq, Instant createdAt) throws SQLException {
    execute(
        "INSERT INTO events VALUES (?, gen_random_uuid(), ?, 'transfer.posted', '{}', '{}', ?,"
            + " ?)",
        seq,
        tenant,
        Timestamp.from(createdAt),
        Timestamp.from(createdAt));
  }

  private void insertDelivery(UUID endpointId, long seq, String status) throws SQLException {
    execute("INSERT INTO deliveries VALUES (?, ?, ?, 1, now())", endpointId, seq, status);
  }

  private void insertAttempt(UUID endpointId, long seq, Instant at) throws SQLException {
    execute(
        "INSERT INTO attempts (endpoint_id, seq, attempt, attempted_at, status_code, latency_ms,"
            + " succeeded) VALUES (?, ?, 1, ?, 200, 5, true)",
        endpointId,
        seq,
        Timestamp.from(at));
  }

  private void execute(String statement, Object... values) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(statement)) {
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      ps.executeUpdate();
    }
  }

  private long count(String table) {
    return single("SELECT count(*) FROM " + table);
  }

  private long prunedThrough() {
    return single("SELECT pruned_through FROM relay");
  }

  private long single(String query) {
    return new Database(dataSource, Dialect.POSTGRESQL)
        .inTransaction(c -> Database.single(c, query));
  }
}
