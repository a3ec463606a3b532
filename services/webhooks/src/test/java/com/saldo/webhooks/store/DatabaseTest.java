package com.saldo.webhooks.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saldo.problem.ProblemException;
import com.saldo.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** A database that fails is the deliberate 503, whatever failed, and nothing else escapes. */
class DatabaseTest {

  @Test
  void aFailingStatementOrAnUnreachableDatabaseIsThe503() {
    TestDatabase.Database db = TestDatabase.create();
    PGSimpleDataSource reachable = new PGSimpleDataSource();
    reachable.setUrl(db.url());
    reachable.setUser(db.user());
    reachable.setPassword(db.password());
    assertThatThrownBy(
            () -> new Database(reachable).inTransaction(c -> Database.single(c, "SELECT nonsense")))
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.problem().status()).isEqualTo(503));

    PGSimpleDataSource gone = new PGSimpleDataSource();
    gone.setUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1");
    assertThatThrownBy(() -> new Database(gone).inTransaction(c -> Database.single(c, "SELECT 1")))
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.problem().code()).isEqualTo("unavailable"));
  }
}
