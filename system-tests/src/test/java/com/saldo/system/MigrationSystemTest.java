package com.saldo.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.local.Cluster;
import com.saldo.local.Services;
import com.saldo.testing.Http;
import com.saldo.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A rolling deploy that changes the schema (expand, then contract: docs/migrations.md). Version N
 * of the ledger serves on two replicas while clients pay; version N+1, the same code with one more
 * migration (a new nullable column and a new table), starts beside them and applies it; N goes on
 * serving on the expanded schema, an N replica restarted after the expansion still starts (so the
 * deploy can be rolled back), and then the N replicas are replaced one at a time. No payment fails,
 * every acknowledged one is stored once, and verify is clean.
 */
class MigrationSystemTest {

  private static TestDatabase.Database database;
  private static Cluster cluster;
  private static final List<Services.Service> ledgers = new ArrayList<>();
  private static Services.Service query;
  private static Services.Service backoffice;
  private static Services.Service gateway;
  private static Path expansion;

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.create();
    expansion = Files.createTempDirectory("saldo-n1");
    Files.writeString(
        expansion.resolve("V90__account_nickname.sql"),
        """
        -- version N+1: expand only. A nullable column and a new table, which version N neither
        -- reads nor writes; nothing renamed, nothing dropped, no NOT NULL without a default.
        ALTER TABLE accounts ADD COLUMN nickname varchar(64);
        CREATE TABLE account_notes (
            account_id uuid        NOT NULL,
            note       text        NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        """);
    for (int i = 0; i < 4; i++) {
      ledgers.add(new Services.Service("ledger", SaldoCluster.freePort(), SaldoCluster.freePort()));
    }
    query = new Services.Service("query", SaldoCluster.freePort(), SaldoCluster.freePort());
    backoffice =
        new Services.Service("backoffice", SaldoCluster.freePort(), SaldoCluster.freePort());
    gateway = new Services.Service("gateway", SaldoCluster.freePort(), SaldoCluster.freePort());
    Map<String, String> env =
        SaldoCluster.environment(database.url(), database.user(), database.password());
    env.put(
        "SALDO_LEDGER_URLS",
        String.join(",", ledgers.stream().map(l -> "http://localhost:" + l.port()).toList()));
    env.put("SALDO_QUERY_URLS", "http://localhost:" + query.port());
    env.put("SALDO_BACKOFFICE_URLS", "http://localhost:" + backoffice.port());
    env.put("SALDO_WEBHOOKS_URLS", "http://localhost:" + SaldoCluster.freePort());
    cluster =
        new Cluster(
            Path.of("..").toAbsolutePath().normalize(),
            Path.of("target/migration-logs").toAbsolutePath(),
            env,
            "-Xms64m -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    cluster.start(ledgers.get(0), Map.of());
    cluster.awaitReady(ledgers.get(0), Duration.ofSeconds(120));
    for (Services.Service s : List.of(ledgers.get(1), query, backoffice, gateway)) {
      cluster.start(s, Map.of());
    }
    for (Services.Service s : List.of(ledgers.get(1), query, backoffice, gateway)) {
      cluster.awaitReady(s, Duration.ofSeconds(120));
    }
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** Version N+1: the same ledger, with the expansion among its migrations. */
  private static Map<String, String> nextVersion() {
    return Map.of("SPRING_FLYWAY_LOCATIONS", "classpath:db/migration,filesystem:" + expansion);
  }

  @Test
  void versionsNAndNPlusOneServeSideBySideOnTheExpandedSchemaAndNothingFails() throws Exception {
    Http operator =
        new Http(
            "http://localhost:" + gateway.port(),
            Map.of("Authorization", "Bearer " + SaldoCluster.OPERATOR_KEY));
    String tenant =
        operator.post("/v1/tenants", Map.of("name", "Deploys")).json().get("id").asString();
    String key =
        operator
            .post(
                "/v1/tenants/" + tenant + "/api-keys",
                Map.of(
                    "name", "tills",
                    "scopes",
                        List.of(
                            "accounts:read", "accounts:write", "transfers:read", "transfers:write"),
                    "rateLimit", Map.of("perSecond", 100_000, "burst", 100_000)))
            .json()
            .get("key")
            .asString();
    Http api =
        new Http("http://localhost:" + gateway.port(), Map.of("Authorization", "Bearer " + key));
    Map<String, Object> unbounded = new HashMap<>(Map.of("currency", "EUR"));
    unbounded.put("minBalance", null);
    String funding = api.post("/v1/accounts", unbounded).json().get("id").asString();
    String hot = api.post("/v1/accounts", Map.of("currency", "EUR")).json().get("id").asString();
    List<String> customers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String c = api.post("/v1/accounts", Map.of("currency", "EUR")).json().get("id").asString();
      customers.add(c);
      api.post(
          "/v1/transfers",
          Map.of(
              "id",
              UUID.randomUUID().toString(),
              "debitAccountId",
              funding,
              "creditAccountId",
              c,
              "amount",
              10_000_000,
              "currency",
              "EUR"));
    }
    Shoppers shoppers = new Shoppers(8, List.of(api), customers, hot);
    Thread.sleep(1500);

    // expand: an N+1 replica starts beside the two N replicas and migrates
    cluster.start(ledgers.get(2), nextVersion());
    cluster.awaitReady(ledgers.get(2), Duration.ofSeconds(120));
    assertThat(column("accounts", "nickname")).isTrue();
    Thread.sleep(1500);

    // the deploy can still be rolled back: an N replica restarted on the expanded schema starts
    cluster.stop(ledgers.get(1));
    cluster.start(ledgers.get(1), Map.of());
    cluster.awaitReady(ledgers.get(1), Duration.ofSeconds(120));
    Thread.sleep(1500);

    // roll forward: the N replicas are replaced by N+1, one at a time
    cluster.stop(ledgers.get(0));
    cluster.start(ledgers.get(3), nextVersion());
    cluster.awaitReady(ledgers.get(3), Duration.ofSeconds(120));
    cluster.stop(ledgers.get(1));
    Thread.sleep(1500);
    shoppers.stop();
    shoppers.assertEveryRequestAnswered("N to N+1");
    try (Connection c =
            DriverManager.getConnection(database.url(), database.user(), database.password());
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM ledger.transfers WHERE status <> 'rejected' AND kind = 'payment'")) {
      rs.next();
      long acknowledged =
          shoppers.outcomes.values().stream()
              .filter(o -> o.status() == 201 || o.status() == 200)
              .count();
      assertThat(rs.getLong(1)).isEqualTo(acknowledged);
    }
    JsonNode report = operator.get("/v1/operator/verify").json();
    assertThat(report.get("clean").asBoolean()).as(report.toString()).isTrue();
  }

  private static boolean column(String table, String column) throws Exception {
    try (Connection c =
            DriverManager.getConnection(database.url(), database.user(), database.password());
        ResultSet rs = c.getMetaData().getColumns(null, "ledger", table, column)) {
      return rs.next();
    }
  }
}
