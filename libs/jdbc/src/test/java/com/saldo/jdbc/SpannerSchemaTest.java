package com.saldo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saldo.testing.TestBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spanner's migrations on the emulator: each version applied once and recorded, replicas that start
 * together on a fresh database all come up (Spanner refuses a second schema change while one runs),
 * and a version whose script changed after it was applied is refused.
 */
class SpannerSchemaTest {

  private DataSource dataSource;
  private Database database;

  @BeforeEach
  void freshDatabase() {
    TestBackend.SPANNER.assumeAvailable();
    dataSource = TestBackend.dataSource(TestBackend.SPANNER.newDatabase());
    database = new Database(dataSource, Dialect.SPANNER);
  }

  @Test
  void eachVersionIsAppliedOnceAndRecorded() {
    assertThat(SpannerSchema.migrate(dataSource, "classpath:db/spanner-test")).isEqualTo(2);
    assertThat(SpannerSchema.migrate(dataSource, "classpath:db/spanner-test")).isZero();
    List<String> history =
        database.read(
            c ->
                Database.list(
                    c,
                    "SELECT version, description FROM schema_history ORDER BY version",
                    rs -> rs.getLong(1) + " " + rs.getString(2)));
    assertThat(history).containsExactly("1 things", "2 things by name");
    database.inTransaction(
        c -> Database.update(c, "INSERT INTO parts (id, thing_id) VALUES (1, 1)"));
  }

  @Test
  void replicasThatStartTogetherAllComeUpAndEachVersionIsAppliedOnce() throws Exception {
    List<Future<Integer>> replicas = new ArrayList<>();
    try (ExecutorService starting = Executors.newFixedThreadPool(3)) {
      for (int i = 0; i < 3; i++) {
        replicas.add(
            starting.submit(() -> SpannerSchema.migrate(dataSource, "classpath:db/spanner-test")));
      }
      int applied = 0;
      for (Future<Integer> replica : replicas) {
        applied += replica.get();
      }
      assertThat(applied).as("versions applied by all replicas together").isEqualTo(2);
    }
    long recorded = database.read(c -> Database.single(c, "SELECT count(*) FROM schema_history"));
    assertThat(recorded).isEqualTo(2);
  }

  @Test
  void aVersionWhoseScriptChangedAfterItWasAppliedIsRefused() {
    SpannerSchema.migrate(dataSource, "classpath:db/spanner-test");
    assertThatThrownBy(() -> SpannerSchema.migrate(dataSource, "classpath:db/spanner-test-edited"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("version 1")
        .hasMessageContaining("never edited");
  }
}
