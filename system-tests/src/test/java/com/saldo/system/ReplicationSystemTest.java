package com.saldo.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.local.Cluster;
import com.saldo.local.Services;
import com.saldo.testing.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Proves Saldo on real PostgreSQL replication: the query service reads a streaming standby, says
 * how current each answer is and stays within a second of the primary at 1,000 writes/s; and when a
 * synchronous standby is promoted while 16 clients pay, the ledger reconnects to it by itself, no
 * acknowledged transfer is lost and verify is clean.
 */
class ReplicationSystemTest {

  private static final Duration READY = Duration.ofSeconds(120);

  private final List<AutoCloseable> toClose = new ArrayList<>();
  private RestartablePostgres primary;
  private Standby standby;
  private Cluster cluster;
  private Http operator;
  private Http api;
  private UUID tenant;
  private String funding;
  private final List<String> customers = new ArrayList<>();
  private String merchant;

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable closeable : toClose.reversed()) {
      try {
        closeable.close();
      } catch (Exception e) {
        // a server the test crashed on purpose has nothing left to stop
      }
    }
  }

  @Test
  void theQueryServiceReadsAStreamingStandby() throws Exception {
    start(false, true);

    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicLong written = new AtomicLong();
    AtomicReference<Duration> worstLag = new AtomicReference<>(Duration.ZERO);
    List<Long> balances = new ArrayList<>();
    List<String> mismatches = new ArrayList<>();
    // eight writers, each 25 payments every 200 ms on its own clock: 1,000 writes/s, each batch
    // one commit, kept up while a batch takes longer than its slot
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      writers.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    long next = System.nanoTime();
                    while (writing.get()) {
                      List<Map<String, Object>> batch = new ArrayList<>();
                      for (int i = 0; i < 25; i++) {
                        batch.add(payment(customers.get(i % customers.size()), merchant, 1));
                      }
                      Http.Answer answer =
                          api.post("/v1/transfers/batch", Map.of("transfers", batch));
                      if (answer.status() == 200) {
                        written.addAndGet(batch.size());
                      }
                      next += 200_000_000L;
                      long wait = next - System.nanoTime();
                      if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                      }
                    }
                  }));
    }
    long started = System.nanoTime();
    long end = started + Duration.ofSeconds(12).toNanos();
    while (System.nanoTime() < end) {
      Duration lag = Standby.replayLag(primary);
      if (lag != null && lag.compareTo(worstLag.get()) > 0) {
        worstLag.set(lag);
      }
      // what the query service answers is at least as current as the header says, and the
      // header is the standby's replay position, read in the answer's own snapshot
      Instant before = standby.replayed().truncatedTo(ChronoUnit.MILLIS);
      Http.Answer balance = api.get("/v1/accounts/" + merchant + "/balance");
      Instant after = standby.replayed();
      assertThat(balance.status()).isEqualTo(200);
      Instant asOf = Instant.parse(balance.header("Saldo-Consistent-As-Of"));
      if (asOf.isBefore(before) || asOf.isAfter(after)) {
        mismatches.add(before + " <= " + asOf + " <= " + after);
      }
      balances.add(balance.json().get("posted").asLong());
      Thread.sleep(100);
    }
    writing.set(false);
    for (Thread writer : writers) {
      writer.join();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double rate = written.get() / seconds;
    System.out.printf(
        "replica: %d payments in %.1f s (%.0f/s), the standby's replay lag at most %d ms%n",
        written.get(), seconds, rate, worstLag.get().toMillis());

    assertThat(mismatches)
        .as("Saldo-Consistent-As-Of within the replay before and after")
        .isEmpty();
    assertThat(balances).as("payments only ever add to the merchant").isSorted();
    assertThat(rate).as("the load the lag was measured under").isGreaterThan(800);
    assertThat(worstLag.get()).isLessThan(Duration.ofSeconds(1));
    // once the standby has replayed everything, every balance the replica answers is the
    // ledger's, and the history holds every payment
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              for (String account : List.of(merchant, customers.get(0), customers.get(7))) {
                long ledger = posted(account);
                long replica =
                    api.get("/v1/accounts/" + account + "/balance").json().get("posted").asLong();
                assertThat(replica).as(account).isEqualTo(ledger);
              }
            });
    assertThat(posted(merchant)).isEqualTo(written.get());
  }

  @Test
  void aSynchronousStandbyTakesOverWithoutLosingAnAcknowledgedTransfer() throws Exception {
    // the ledger and the backoffice name both servers; the driver connects to whichever takes
    // writes, so after the promotion new connections reach the new primary by themselves
    start(true, false);
    Shoppers shoppers = new Shoppers(16, List.of(api), customers, merchant);
    Thread.sleep(4000);
    long failed = System.nanoTime();
    primary.crash();
    standby.promote();
    long promoted = System.nanoTime();
    Thread.sleep(8000);
    shoppers.stop();
    Duration outage = shoppers.longestSilenceSince(failed);
    System.out.printf(
        "failover: promoted %d ms after the crash; clients saw no acknowledgment for %d ms%n",
        (promoted - failed) / 1_000_000, outage.toMillis());

    shoppers.assertEveryRequestAnswered("failover");
    assertThat(outage).isLessThan(Duration.ofSeconds(10));
    assertThat(shoppers.acknowledgedAt.stream().filter(t -> t > promoted).count())
        .as("payments acknowledged by the new primary")
        .isPositive();
    Set<String> stored = new HashSet<>();
    try (Connection db = DriverManager.getConnection(standby.url(), "postgres", "postgres");
        PreparedStatement ps =
            db.prepareStatement(
                "SELECT id::text FROM ledger.transfers WHERE tenant_id = ? AND status <> 'rejected'")) {
      ps.setObject(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          stored.add(rs.getString(1));
        }
      }
    }
    List<String> lost = new ArrayList<>();
    int acknowledged = 0;
    for (Shoppers.Outcome outcome : shoppers.outcomes.values()) {
      if (outcome.status() == 201 || outcome.status() == 200) {
        acknowledged++;
        if (!stored.contains((String) outcome.request().get("id"))) {
          lost.add((String) outcome.request().get("id"));
        }
      }
    }
    System.out.printf("failover: %d acknowledged, %d lost%n", acknowledged, lost.size());
    assertThat(lost).as("acknowledged transfers missing on the new primary").isEmpty();
    JsonNode report = operator.get("/v1/operator/verify").json();
    assertThat(report.get("clean").asBoolean()).as(report.toString()).isTrue();
  }

  /**
   * A primary with a standby (synchronous or not); the ledger, the backoffice and a gateway on a
   * URL that names both servers (the driver connects to whichever takes writes, so after a
   * promotion new connections reach the new primary by themselves), and with {@code withQuery} a
   * query service reading the standby; then a tenant with customers who have money, and a merchant.
   */
  private void start(boolean synchronous, boolean queryFromStandby) throws Exception {
    Path root = Files.createTempDirectory("saldo-replication");
    primary = new RestartablePostgres(root.resolve("primary"), Map.of("wal_level", "replica"));
    toClose.add(primary);
    standby = Standby.of(primary, root.resolve("standby"), SaldoCluster.freePort(), synchronous);
    toClose.add(standby);
    String both =
        "jdbc:postgresql://localhost:"
            + primary.port()
            + ",localhost:"
            + standby.port()
            + "/saldo?targetServerType=primary";
    Services.Service ledger = service("ledger");
    Services.Service backoffice = service("backoffice");
    Services.Service query = service("query");
    Services.Service gateway = service("gateway");
    Map<String, String> env = SaldoCluster.environment(both, "postgres", "postgres");
    env.put("SALDO_LEDGER_URLS", "http://localhost:" + ledger.port());
    env.put("SALDO_BACKOFFICE_URLS", "http://localhost:" + backoffice.port());
    env.put("SALDO_QUERY_URLS", "http://localhost:" + query.port());
    cluster =
        new Cluster(
            Path.of("..").toAbsolutePath().normalize(),
            Path.of("target/replication-logs").toAbsolutePath(),
            env,
            "-Xms64m -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    toClose.add(cluster);
    cluster.start(ledger, Map.of());
    cluster.awaitReady(ledger, READY); // it migrates the schema
    cluster.start(backoffice, Map.of());
    cluster.start(
        query,
        queryFromStandby
            ? Map.of(
                "SALDO_QUERY_DATABASE_URL", standby.url(),
                "SALDO_QUERY_DATABASE_USER", "postgres",
                "SALDO_QUERY_DATABASE_PASSWORD", "postgres")
            : Map.of());
    cluster.start(gateway, Map.of());
    for (Services.Service service : List.of(backoffice, query, gateway)) {
      cluster.awaitReady(service, READY);
    }
    String base = "http://localhost:" + gateway.port();
    operator = new Http(base, Map.of("Authorization", "Bearer " + SaldoCluster.OPERATOR_KEY));
    tenant =
        UUID.fromString(
            operator
                .post("/v1/tenants", Map.of("name", "Replication"))
                .json()
                .get("id")
                .asString());
    String key = SaldoCluster.tillsKey(operator, tenant);
    api = new Http(base, Map.of("Authorization", "Bearer " + key));
    funding = open(null);
    merchant = open(0L);
    List<Map<String, Object>> topUps = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String customer = open(0L);
      customers.add(customer);
      Map<String, Object> topUp = payment(funding, customer, 1_000_000_000L);
      topUp.put("kind", "top_up");
      topUps.add(topUp);
    }
    assertThat(api.post("/v1/transfers/batch", Map.of("transfers", topUps)).status())
        .isEqualTo(200);
  }

  private String open(Long minBalance) {
    Map<String, Object> body = new HashMap<>();
    body.put("id", UUID.randomUUID().toString());
    body.put("currency", "EUR");
    body.put("minBalance", minBalance);
    Http.Answer answer = api.post("/v1/accounts", body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json().get("id").asString();
  }

  /** The posted balance as the ledger, on the primary, answers it. */
  private long posted(String account) {
    return api.get("/v1/accounts/" + account).json().get("balance").get("posted").asLong();
  }

  private static Services.Service service(String name) {
    return new Services.Service(name, SaldoCluster.freePort(), SaldoCluster.freePort());
  }

  private static Map<String, Object> payment(String from, String to, long amount) {
    Map<String, Object> body = new HashMap<>();
    body.put("id", UUID.randomUUID().toString());
    body.put("debitAccountId", from);
    body.put("creditAccountId", to);
    body.put("amount", amount);
    body.put("currency", "EUR");
    body.put("kind", "payment");
    return body;
  }
}
