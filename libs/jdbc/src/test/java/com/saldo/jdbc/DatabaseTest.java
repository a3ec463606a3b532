package com.saldo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saldo.store.StoreConflictException;
import com.saldo.store.StoreUnavailableException;
import com.saldo.testing.TestBackend;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The one way every service reaches its database, on PostgreSQL and on the Spanner emulator (one
 * suite, run once per backend): what a transaction leaves behind when its work returns or throws,
 * and what each kind of failure becomes.
 */
@ParameterizedClass
@EnumSource(TestBackend.class)
class DatabaseTest {

  /** A backend's database with a table of things, made once per backend. */
  private record Things(DataSource dataSource, Database database) {}

  private static final Map<TestBackend, Things> THINGS = new EnumMap<>(TestBackend.class);

  @Parameter TestBackend backend;

  private Database database;
  private DataSource dataSource;

  @BeforeEach
  void database() {
    backend.assumeAvailable();
    Things things =
        THINGS.computeIfAbsent(
            backend,
            b -> {
              DataSource source = TestBackend.dataSource(b.newDatabase());
              Database created = new Database(source, Dialect.named(b.setting()));
              created.read(
                  c -> {
                    Database.execute(
                        c,
                        "CREATE TABLE things (id bigint NOT NULL PRIMARY KEY,"
                            + " name varchar(64), at timestamptz NOT NULL)");
                    Database.execute(c, "CREATE UNIQUE INDEX things_name_unique ON things (name)");
                    return null;
                  });
              return new Things(source, created);
            });
    database = things.database();
    dataSource = things.dataSource();
  }

  @Test
  void workThatReturnsIsCommittedAndWorkThatThrowsLeavesNothing() {
    Instant at = Instant.parse("2026-12-05T10:00:00.123456Z");
    database.inTransaction(c -> Database.update(c, "INSERT INTO things VALUES (1, 'a', ?)", at));
    assertThatThrownBy(
            () ->
                database.inTransaction(
                    c -> {
                      Database.update(c, "INSERT INTO things VALUES (2, 'b', ?)", at);
                      throw new IllegalArgumentException("the work changed its mind");
                    }))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(
            database.query(
                "SELECT id FROM things WHERE id IN (1, 2) ORDER BY id",
                List.of(),
                rs -> rs.getLong(1)))
        .containsExactly(1L);
    Optional<Instant> stored =
        database.read(
            c ->
                Database.first(
                    c, "SELECT at FROM things WHERE id = 1", rs -> Database.instant(rs, "at")));
    assertThat(stored).contains(at);
  }

  @Test
  void aConcurrentInsertOfTheSameKeyIsAConflictWorthARetry() {
    database.inTransaction(
        c -> Database.update(c, "INSERT INTO things VALUES (10, 'ten', ?)", Instant.now()));
    assertThatThrownBy(
            () ->
                database.inTransaction(
                    c -> {
                      try {
                        return Database.update(
                            c, "INSERT INTO things VALUES (11, 'ten', ?)", Instant.now());
                      } catch (SQLException e) {
                        assertThat(database.dialect().isUniqueViolation(e, "things_name_unique"))
                            .isTrue();
                        assertThat(database.dialect().isUniqueViolation(e, "other_unique"))
                            .isFalse();
                        throw e;
                      }
                    }))
        .isInstanceOf(StoreConflictException.class);
    assertThat(database.query("SELECT id FROM things WHERE id = 11", List.of(), rs -> 1)).isEmpty();
  }

  /**
   * An abort at the commit (the way Spanner ends a transaction that lost a race; PostgreSQL's
   * serialization failure is the same) is a conflict, and the work's writes are gone.
   */
  @Test
  void anAbortAtTheCommitIsAConflictAndLeavesNothing() {
    AtomicInteger aborts = new AtomicInteger(1);
    Database aborting =
        new Database(backend.abortingCommits(dataSource, aborts), database.dialect());
    assertThatThrownBy(
            () ->
                aborting.inTransaction(
                    c ->
                        Database.update(
                            c, "INSERT INTO things VALUES (20, 'x', ?)", Instant.now())))
        .isInstanceOf(StoreConflictException.class);
    assertThat(database.query("SELECT id FROM things WHERE id = 20", List.of(), rs -> 1)).isEmpty();

    aborting.inTransaction(
        c -> Database.update(c, "INSERT INTO things VALUES (20, 'x', ?)", Instant.now()));
    assertThat(database.query("SELECT id FROM things WHERE id = 20", List.of(), rs -> 1))
        .hasSize(1);
  }

  @Test
  void withRetriesATransactionThatLostARaceRunsAgainAsAWholeUpToItsBound() {
    AtomicInteger aborts = new AtomicInteger(2);
    AtomicInteger runs = new AtomicInteger();
    Database aborting =
        new Database(backend.abortingCommits(dataSource, aborts), database.dialect())
            .withRetries(2);
    aborting.inTransaction(
        c -> {
          runs.incrementAndGet();
          return Database.update(c, "INSERT INTO things VALUES (21, 'y', ?)", Instant.now());
        });
    assertThat(runs).as("two aborted runs, then the one that committed").hasValue(3);
    assertThat(database.query("SELECT id FROM things WHERE id = 21", List.of(), rs -> 1))
        .hasSize(1);

    aborts.set(3);
    runs.set(0);
    assertThatThrownBy(
            () ->
                aborting.inTransaction(
                    c -> {
                      runs.incrementAndGet();
                      return Database.update(
                          c, "INSERT INTO things VALUES (22, 'z', ?)", Instant.now());
                    }))
        .isInstanceOf(StoreConflictException.class);
    assertThat(runs).as("the first run and its two retries, no more").hasValue(3);
    assertThat(database.query("SELECT id FROM things WHERE id = 22", List.of(), rs -> 1)).isEmpty();

    assertThatThrownBy(() -> database.withRetries(Database.RETRIES_MAX + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aStatementTheDatabaseCannotRunIsABugNotAnOutage() {
    assertThatThrownBy(() -> database.read(c -> Database.single(c, "SELECT nonsense")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aTransactionRunsAtTheIsolationAskedForOrAStrongerOneAndLeavesTheConnectionAsItWas() {
    int serializable =
        database.inTransaction(
            Connection.TRANSACTION_SERIALIZABLE, Connection::getTransactionIsolation);
    assertThat(serializable).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
    int readCommitted = database.inTransaction(Connection::getTransactionIsolation);
    assertThat(readCommitted)
        .isEqualTo(database.dialect().isolation(Connection.TRANSACTION_READ_COMMITTED))
        .isGreaterThanOrEqualTo(Connection.TRANSACTION_READ_COMMITTED);
  }

  @Test
  void theLockingReadLocksWhatItReadsInEitherDialect() {
    String select = "SELECT id FROM things t WHERE id = ?";
    List<Long> locked =
        database.inTransaction(
            c -> Database.list(c, database.dialect().lockingRead(select, "t"), rs -> 1L, 1L));
    assertThat(locked).hasSizeLessThanOrEqualTo(1);
    assertThat(Dialect.POSTGRESQL.lockingRead(select, "t")).endsWith(" FOR UPDATE OF t");
    assertThat(Dialect.SPANNER.lockingRead(select, "t"))
        .startsWith("/*@ lock_scanned_ranges=exclusive */ SELECT");
  }

  @Test
  void anUnreachablePostgresqlIsAnOutage() {
    org.junit.jupiter.api.Assumptions.assumeTrue(backend == TestBackend.POSTGRESQL);
    PGSimpleDataSource gone = new PGSimpleDataSource();
    gone.setUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1");
    Database away = new Database(gone, Dialect.POSTGRESQL);
    assertThatThrownBy(() -> away.inTransaction(c -> Database.single(c, "SELECT 1")))
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> away.read(c -> Database.single(c, "SELECT 1")))
        .isInstanceOf(StoreUnavailableException.class);
  }
}
