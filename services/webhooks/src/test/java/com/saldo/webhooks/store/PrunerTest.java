package com.saldo.webhooks.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.jdbc.Database;
import com.saldo.jdbc.Dialect;
import com.saldo.jdbc.SpannerSchema;
import com.saldo.testing.TestBackend;
import com.saldo.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Retention over the real schema, on PostgreSQL and on the Spanner emulator (one suite, run once
 * per backend): what is older than the retention goes, a bounded batch at a time, the feed's pruned
 * mark follows the events, and nothing younger (or owed to an endpoint for a kept event) is
 * touched.
 */
@ParameterizedClass
@EnumSource(TestBackend.class)
class PrunerTest {

  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
  private static final Duration RETENTION = Duration.ofDays(30);
  private static final Instant OLD = NOW.minus(Duration.ofDays(31));
  private static final Instant YOUNG = NOW.minus(Duration.ofDays(29));

  @Parameter TestBackend backend;

  private Database database;
  private final UUID tenant = UUID.randomUUID();
  private final UUID endpoint = UUID.randomUUID();
  private final AtomicLong attemptIds = new AtomicLong();

  /** A fresh database with the service's schema, as the service migrates it. */
  @BeforeEach
  void schema() {
    backend.assumeAvailable();
    TestDatabase.Database db = backend.newDatabase();
    if (backend == TestBackend.SPANNER) {
      DataSource dataSource = TestBackend.dataSource(db);
      SpannerSchema.migrate(dataSource, "classpath:db/spanner");
      database = new Database(dataSource, Dialect.SPANNER);
      // the first relay writes the relay's row on Spanner
      update(
          "INSERT INTO relay (id, last_seq, last_committed_at, last_position, last_event_id,"
              + " pruned_through) VALUES (1, 0, ?, 0, '', 0)",
          Instant.EPOCH);
    } else {
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
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
      database = new Database(dataSource, Dialect.POSTGRESQL);
    }
    insertEndpoint(endpoint, "active");
  }

  @Test
  void oldEventsGoInBoundedBatchesAndTheFeedsMarkFollows() {
    for (long seq = 1; seq <= 10; seq++) {
      insertEvent(seq, seq <= 7 ? OLD : YOUNG);
      insertDelivery(endpoint, seq, "succeeded");
    }
    Pruner pruner = new Pruner(database, RETENTION, 3);

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
  void anOldEventBehindAYoungerOneWaitsSoTheMarkNeverSkipsAKeptEvent() {
    insertEvent(1, OLD);
    insertEvent(2, YOUNG);
    insertEvent(3, OLD);
    new Pruner(database, RETENTION, 100).prune(NOW, 10);
    assertThat(single("SELECT count(*) FROM events WHERE seq IN (2, 3)")).isEqualTo(2);
    assertThat(prunedThrough()).isEqualTo(1);
  }

  @Test
  void oldAttemptsAndDeletedEndpointsGoWithEverythingOfTheirs() {
    UUID deleted = UUID.randomUUID();
    insertEndpoint(deleted, "deleted");
    for (long seq = 1; seq <= 5; seq++) {
      insertEvent(seq, YOUNG);
      insertDelivery(endpoint, seq, "pending");
      insertDelivery(deleted, seq, "pending");
      insertAttempt(endpoint, seq, seq <= 2 ? OLD : YOUNG);
      insertAttempt(deleted, seq, YOUNG);
    }
    update(
        "INSERT INTO leases (endpoint_id, owner, expires_at) VALUES (?, ?, ?)",
        deleted,
        UUID.randomUUID(),
        NOW.plus(Duration.ofHours(1)));

    new Pruner(database, RETENTION, 2).prune(NOW, 100);

    assertThat(count("events")).isEqualTo(5);
    assertThat(single("SELECT count(*) FROM deliveries WHERE endpoint_id = ?", endpoint))
        .isEqualTo(5);
    assertThat(single("SELECT count(*) FROM attempts WHERE endpoint_id = ?", endpoint))
        .isEqualTo(3);
    for (String table : new String[] {"deliveries", "attempts", "leases"}) {
      assertThat(single("SELECT count(*) FROM " + table + " WHERE endpoint_id = ?", deleted))
          .as(table)
          .isZero();
    }
    assertThat(single("SELECT count(*) FROM endpoints WHERE id = ?", deleted)).isZero();
    assertThat(single("SELECT count(*) FROM endpoints WHERE id = ?", endpoint)).isOne();
  }

  private void insertEndpoint(UUID id, String status) {
    database.inTransaction(
        c ->
            Database.update(
                c,
                "INSERT INTO endpoints (id, tenant_id, url, events, status, rate_per_second,"
                    + " secret, created_at, updated_at)"
                    + " VALUES (?, ?, 'https://example.com/hook', ?, ?, 10, ?, ?, ?)",
                id,
                tenant,
                Database.texts(c, List.of()),
                status,
                new byte[] {0},
                NOW,
                NOW));
  }

  private void insertEvent(long seq, Instant createdAt) {
    database.inTransaction(
        c ->
            Database.update(
                c,
                "INSERT INTO events (seq, id, tenant_id, type, accounts, data, created_at,"
                    + " relayed_at) VALUES (?, ?, ?, 'transfer.posted', ?, '{}', ?, ?)",
                seq,
                UUID.randomUUID(),
                tenant,
                Database.ids(c, List.of()),
                createdAt,
                createdAt));
  }

  private void insertDelivery(UUID endpointId, long seq, String status) {
    update(
        "INSERT INTO deliveries (endpoint_id, seq, status, attempts, next_attempt_at)"
            + " VALUES (?, ?, ?, 1, ?)",
        endpointId,
        seq,
        status,
        NOW);
  }

  /** An attempt; its id is the identity column's on PostgreSQL, the service's on Spanner. */
  private void insertAttempt(UUID endpointId, long seq, Instant at) {
    String columns = "endpoint_id, seq, attempt, attempted_at, status_code, latency_ms, succeeded";
    if (backend == TestBackend.SPANNER) {
      update(
          "INSERT INTO attempts (" + columns + ", id) VALUES (?, ?, 1, ?, 200, 5, true, ?)",
          endpointId,
          seq,
          at,
          attemptIds.incrementAndGet());
    } else {
      update(
          "INSERT INTO attempts (" + columns + ") VALUES (?, ?, 1, ?, 200, 5, true)",
          endpointId,
          seq,
          at);
    }
  }

  private void update(String statement, Object... values) {
    database.inTransaction(c -> Database.update(c, statement, values));
  }

  private long count(String table) {
    return single("SELECT count(*) FROM " + table);
  }

  private long prunedThrough() {
    return single("SELECT pruned_through FROM relay");
  }

  private long single(String query, Object... values) {
    return database.read(c -> Database.single(c, query, values));
  }
}
