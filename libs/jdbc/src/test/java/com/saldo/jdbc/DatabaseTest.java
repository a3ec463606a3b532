package com.saldo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saldo.store.StoreConflictException;
import com.saldo.store.StoreUnavailableException;
import com.saldo.testing.TestDatabase;
import java.sql.Connection;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The one way every service reaches PostgreSQL: what a transaction leaves behind when its work
 * returns or throws, and what each kind of failure becomes.
 */
class DatabaseTest {

  private static Database database;

  @BeforeAll
  static void createTable() {
    TestDatabase.Database db = TestDatabase.create();
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setUrl(db.url());
    source.setUser(db.user());
    source.setPassword(db.password());
    database = new Database(source, Dialect.POSTGRESQL);
    database.inTransaction(
        c -> {
          Database.execute(
              c,
              "CREATE TABLE things (id int8 CONSTRAINT things_pkey PRIMARY KEY,"
                  + " at timestamptz NOT NULL)");
          return null;
        });
  }

  @Test
  void workThatReturnsIsCommittedAndWorkThatThrowsLeavesNothing() {
    Instant at = Instant.parse("2026-12-05T10:00:00.123456Z");
    database.inTransaction(c -> Database.update(c, "INSERT INTO things VALUES (1, ?)", at));
    assertThatThrownBy(
            () ->
                database.inTransaction(
                    c -> {
                      Database.update(c, "INSERT INTO things VALUES (2, ?)", at);
                      throw new IllegalArgumentException("the work changed its mind");
                    }))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(
            database.query(
                "SELECT id FROM things WHERE id IN (1, 2) ORDER BY id",
                java.util.List.of(),
                rs -> rs.getLong(1)))
        .containsExactly(1L);
    java.util.Optional<Instant> stored =
        database.read(
            c ->
                Database.first(
                    c, "SELECT at FROM things WHERE id = 1", rs -> Database.instant(rs, "at")));
    assertThat(stored).contains(at);
  }

  @Test
  void aConcurrentInsertOfTheSameKeyIsAConflictWorthARetry() {
    database.inTransaction(c -> Database.update(c, "INSERT INTO things VALUES (10, now())"));
    assertThatThrownBy(
            () ->
                database.inTransaction(
                    c -> {
                      try {
                        return Database.update(c, "INSERT INTO things VALUES (10, now())");
                      } catch (java.sql.SQLException e) {
                        assertThat(database.dialect().isUniqueViolation(e, "things_pkey")).isTrue();
                        assertThat(database.dialect().isUniqueViolation(e, "other_unique"))
                            .isFalse();
                        throw e;
                      }
                    }))
        .isInstanceOf(StoreConflictException.class);
  }

  @Test
  void aStatementTheDatabaseCannotRunIsABugNotAnOutage() {
    assertThatThrownBy(() -> database.read(c -> Database.single(c, "SELECT nonsense")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("42703");
  }

  @Test
  void anUnreachableDatabaseIsAnOutage() {
    PGSimpleDataSource gone = new PGSimpleDataSource();
    gone.setUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1");
    Database away = new Database(gone, Dialect.POSTGRESQL);
    assertThatThrownBy(() -> away.inTransaction(c -> Database.single(c, "SELECT 1")))
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> away.read(c -> Database.single(c, "SELECT 1")))
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void aTransactionOfAnotherIsolationRunsInItAndLeavesTheConnectionAsItFoundIt() {
    String level =
        database.inTransaction(
            Connection.TRANSACTION_SERIALIZABLE,
            c ->
                Database.first(c, "SHOW transaction_isolation", rs -> rs.getString(1))
                    .orElseThrow());
    assertThat(level).isEqualTo("serializable");
    String after =
        database.inTransaction(
            c ->
                Database.first(c, "SHOW transaction_isolation", rs -> rs.getString(1))
                    .orElseThrow());
    assertThat(after).isEqualTo("read committed");
  }

  @Test
  void theLockingReadOfPostgresqlLocksTheNamedTable() {
    assertThat(Dialect.POSTGRESQL.lockRows("a")).isEqualTo(" FOR UPDATE OF a");
  }
}
