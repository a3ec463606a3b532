package com.saldo.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.local.Cluster;
import com.saldo.local.Services;
import com.saldo.testing.Http;
import com.saldo.testing.SpannerEmulator;
import com.saldo.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhooks promises end to end, with two ledger replicas and two webhooks replicas over one
 * PostgreSQL, and a real HTTP receiver that verifies every signature: every event arrives, in order
 * per account, none missing; failing endpoints get their events later in the same order; 410
 * disables; a killed replica's deliveries are taken over; a slow endpoint delays nobody else; the
 * feed has no gap and no duplicate while commits are delayed at random; tenants see only their own.
 *
 * <p>Short in CI; {@code -Dsaldo.feed.events=100000} runs the feed test over more events.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhooksSystemTest {

  private static final int FEED_EVENTS = Integer.getInteger("saldo.feed.events", 2_000);
  private static final List<String> ALL_EVENTS =
      List.of(
          "transfer.posted",
          "transfer.pending",
          "transfer.captured",
          "transfer.voided",
          "transfer.expired",
          "transfer.refunded",
          "account.created",
          "account.updated");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static Cluster cluster;
  private static TestDatabase.Database database;
  private static Receiver receiver;
  private static final List<Services.Service> ledgers = new ArrayList<>();
  private static final List<Services.Service> webhooks = new ArrayList<>();
  private static Services.Service backoffice;
  private static Services.Service gateway;
  private static Http operator;
  private static UUID lastTenant;

  /** What each kind of service gets besides the cluster's environment: its database on Spanner. */
  private static final Map<String, Map<String, String>> backends = new HashMap<>();

  @BeforeAll
  static void start(TestInfo suite) throws Exception {
    // the suite runs once per database in one JVM: nothing of the other run's Saldo is kept
    ledgers.clear();
    webhooks.clear();
    backends.clear();
    database = TestDatabase.create();
    if (suite.getTestClass().orElseThrow().isAnnotationPresent(OnSpanner.class)) {
      // the ledger replicas on one database of the emulator, the webhooks replicas on another
      // (reading the ledger's outbox), the backoffice on a third
      SpannerEmulator emulator = SpannerEmulator.get().orElseThrow();
      String ledgerDatabase = SpannerEmulator.newDatabase();
      backends.put("ledger", SaldoCluster.onSpanner(emulator, ledgerDatabase));
      backends.put("webhooks", SaldoCluster.webhooksOnSpanner(emulator, ledgerDatabase));
      backends.put("backoffice", SaldoCluster.onSpanner(emulator, SpannerEmulator.newDatabase()));
    }
    receiver = new Receiver();
    for (int i = 0; i < 2; i++) {
      ledgers.add(new Services.Service("ledger", SaldoCluster.freePort(), SaldoCluster.freePort()));
      webhooks.add(
          new Services.Service("webhooks", SaldoCluster.freePort(), SaldoCluster.freePort()));
    }
    backoffice =
        new Services.Service("backoffice", SaldoCluster.freePort(), SaldoCluster.freePort());
    gateway = new Services.Service("gateway", SaldoCluster.freePort(), SaldoCluster.freePort());
    Map<String, String> env =
        SaldoCluster.environment(database.url(), database.user(), database.password());
    env.put("SALDO_LEDGER_URLS", urls(ledgers));
    env.put("SALDO_WEBHOOKS_URLS", urls(webhooks));
    env.put("SALDO_BACKOFFICE_URLS", "http://localhost:" + backoffice.port());
    env.put("SALDO_QUERY_URLS", "http://localhost:" + SaldoCluster.freePort());
    env.put("SALDO_WEBHOOKS_SECRET_KEY", "c3lzdGVtLXRlc3Qtd2ViaG9va3Mta2V5LTMyLWJ5dGU=");
    env.put("SALDO_WEBHOOKS_ALLOWPRIVATETARGETS", "true");
    env.put("SALDO_WEBHOOKS_RETRYSCHEDULE", "0s,300ms,600ms,1s,1s,1s,1s,1s,1s,1s");
    env.put("SALDO_WEBHOOKS_RETRYJITTER", "0");
    env.put("SALDO_WEBHOOKS_LEASEDURATION", "3s");
    env.put("SALDO_WEBHOOKS_TOTALTIMEOUT", "12s");
    cluster =
        new Cluster(
            Path.of("..").toAbsolutePath().normalize(),
            Path.of("target/webhooks-logs").toAbsolutePath(),
            env,
            "-Xms64m -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    cluster.start(ledgers.getFirst(), backend(ledgers.getFirst()));
    cluster.awaitReady(ledgers.getFirst(), Duration.ofSeconds(120)); // it migrates the schema
    List<Services.Service> rest = new ArrayList<>(List.of(ledgers.get(1), backoffice));
    rest.addAll(webhooks);
    rest.add(gateway);
    for (Services.Service s : rest) {
      cluster.start(s, backend(s));
    }
    for (Services.Service s : rest) {
      cluster.awaitReady(s, Duration.ofSeconds(120));
    }
    operator = at(SaldoCluster.OPERATOR_KEY);
  }

  private static Map<String, String> backend(Services.Service service) {
    return backends.getOrDefault(service.name(), Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  private static String urls(List<Services.Service> services) {
    return String.join(",", services.stream().map(s -> "http://localhost:" + s.port()).toList());
  }

  private static Http at(String key) {
    return new Http("http://localhost:" + gateway.port(), Map.of("Authorization", "Bearer " + key));
  }

  /** A new tenant's client holding every tenant scope, with room for bursts. */
  private static Http newTenant() {
    String tenant =
        operator
            .post("/v1/tenants", Map.of("name", "shop " + UUID.randomUUID()))
            .json()
            .get("id")
            .asString();
    lastTenant = UUID.fromString(tenant);
    Http.Answer key =
        operator.post(
            "/v1/tenants/" + tenant + "/api-keys",
            Map.of(
                "name",
                "backend",
                "scopes",
                List.of(
                    "accounts:read",
                    "accounts:write",
                    "transfers:read",
                    "transfers:write",
                    "webhooks:manage"),
                "rateLimit",
                Map.of("perSecond", 100_000, "burst", 100_000)));
    assertThat(key.status()).as(key.body()).isEqualTo(201);
    return at(key.json().get("key").asString());
  }

  /** Registers the receiver's path for these events and teaches the receiver the secret. */
  private static String subscribe(Http api, String path, List<String> events) {
    Http.Answer created =
        api.post("/v1/webhooks", Map.of("url", receiver.url(path), "events", events));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("notice").asString()).contains("private");
    receiver.secrets(path, List.of(created.json().get("secret").asString()));
    return created.json().get("id").asString();
  }

  private static String account(Http api, boolean funding) {
    Map<String, Object> body = new HashMap<>(Map.of("currency", "EUR"));
    if (funding) {
      body.put("minBalance", null);
    }
    Http.Answer answer = api.post("/v1/accounts", body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json().get("id").asString();
  }

  private static Map<String, Object> transfer(String debit, String credit, long amount) {
    Map<String, Object> body = new HashMap<>();
    body.put("id", UUID.randomUUID().toString());
    body.put("debitAccountId", debit);
    body.put("creditAccountId", credit);
    body.put("amount", amount);
    body.put("currency", "EUR");
    return body;
  }

  private static String pay(Http api, String debit, String credit, long amount) {
    Map<String, Object> body = transfer(debit, credit, amount);
    for (int attempt = 0; ; attempt++) {
      Http.Answer answer = api.post("/v1/transfers", body);
      if (answer.status() == 201 || answer.status() == 200) {
        return (String) body.get("id");
      }
      assertThat(attempt).as(answer.body()).isLessThan(20);
    }
  }

  /** The tenant's whole feed, following {@code after} from the start. */
  private static List<JsonNode> feed(Http api) {
    List<JsonNode> events = new ArrayList<>();
    String after = "0";
    while (true) {
      JsonNode page = api.get("/v1/events?limit=1000&after=" + after).json();
      page.get("data").forEach(events::add);
      if (page.get("data").isEmpty()) {
        return events;
      }
      after = page.get("nextCursor").asString();
    }
  }

  /** The first receipt of each event at the path, in the order they arrived. */
  private static List<JsonNode> firstReceipts(String path) {
    Set<String> seen = new HashSet<>();
    List<JsonNode> bodies = new ArrayList<>();
    for (Receiver.Request r : receiver.requests(path)) {
      if (r.headers().getOrDefault("content-type", "").equals("application/json")
          && seen.add(r.id())) {
        bodies.add(JSON.readTree(r.body()));
      }
    }
    return bodies;
  }

  private static Set<String> accountsOf(JsonNode event) {
    JsonNode data = event.get("data");
    return event.get("type").asString().startsWith("account.")
        ? Set.of(data.get("id").asString())
        : Set.of(data.get("debitAccountId").asString(), data.get("creditAccountId").asString());
  }

  /** For every account, the events concerning it arrived in feed order. */
  private static void assertInOrderPerAccount(List<JsonNode> arrivals) {
    Map<String, Long> last = new HashMap<>();
    for (JsonNode event : arrivals) {
      long seq = event.get("seq").asLong();
      for (String account : accountsOf(event)) {
        Long before = last.put(account, seq);
        assertThat(before == null || before < seq)
            .as("account %s got seq %d after seq %d", account, seq, before)
            .isTrue();
      }
    }
  }

  @Test
  @Order(1)
  void everyEventArrivesSignedInOrderPerAccountNoneMissing() throws Exception {
    Http api = newTenant();
    subscribe(api, "/all", ALL_EVENTS);
    String funding = account(api, true);
    List<String> accounts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      accounts.add(account(api, false));
      pay(api, funding, accounts.getLast(), 10_000);
    }
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    try (ExecutorService tills = Executors.newFixedThreadPool(16)) {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        runs.add(
            tills.submit(
                () -> {
                  ThreadLocalRandom random = ThreadLocalRandom.current();
                  for (int i = 0; i < 40; i++) {
                    String a = accounts.get(random.nextInt(accounts.size()));
                    String b = accounts.get(random.nextInt(accounts.size()));
                    if (!a.equals(b)) {
                      acknowledged.add(pay(api, a, b, 1 + random.nextInt(5)));
                    }
                  }
                }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    }
    String held =
        api.post("/v1/transfers", withHold(transfer(accounts.get(0), accounts.get(1), 7)))
            .json()
            .get("id")
            .asString();
    assertThat(api.post("/v1/transfers/" + held + "/capture", Map.of()).status()).isEqualTo(200);
    String voided =
        api.post("/v1/transfers", withHold(transfer(accounts.get(2), accounts.get(3), 5)))
            .json()
            .get("id")
            .asString();
    assertThat(api.post("/v1/transfers/" + voided + "/void", null).status()).isEqualTo(200);
    Map<String, Object> refund = transfer(accounts.get(1), accounts.get(0), 3);
    refund.put("kind", "refund");
    refund.put("refundOf", held);
    assertThat(api.post("/v1/transfers", refund).status()).isEqualTo(201);
    assertThat(
            api.patch("/v1/accounts/" + accounts.get(5), Map.of("metadata", Map.of("vip", true)))
                .status())
        .isEqualTo(200);

    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              Set<String> postedInFeed = new HashSet<>();
              for (JsonNode e : feed(api)) {
                if (e.get("type").asString().equals("transfer.posted")) {
                  postedInFeed.add(e.get("data").get("id").asString());
                }
              }
              assertThat(postedInFeed).containsAll(acknowledged);
              assertThat(firstReceipts("/all")).hasSize(feed(api).size());
            });
    List<JsonNode> feed = feed(api);
    Set<String> ids = new HashSet<>();
    long previous = 0;
    Map<String, Integer> types = new LinkedHashMap<>();
    for (JsonNode e : feed) {
      assertThat(ids.add(e.get("id").asString())).as("no event twice in the feed").isTrue();
      assertThat(e.get("seq").asLong()).isGreaterThan(previous);
      previous = e.get("seq").asLong();
      types.merge(e.get("type").asString(), 1, Integer::sum);
    }
    assertThat(types)
        .containsKeys(
            "account.created",
            "account.updated",
            "transfer.posted",
            "transfer.pending",
            "transfer.captured",
            "transfer.voided",
            "transfer.refunded");
    List<JsonNode> arrivals = firstReceipts("/all");
    Set<String> received = new HashSet<>();
    arrivals.forEach(e -> received.add(e.get("id").asString()));
    assertThat(received).isEqualTo(ids);
    assertInOrderPerAccount(arrivals);
    for (Receiver.Request r : receiver.requests("/all")) {
      assertThat(r.signatureValid()).as("signature of %s", r.id()).isTrue();
      assertThat(JSON.readTree(r.body()).get("id").asString()).isEqualTo(r.id());
    }
  }

  private static Map<String, Object> withHold(Map<String, Object> body) {
    body.put("hold", true);
    return body;
  }

  @Test
  @Order(2)
  void aFailingEndpointGetsItsEventsLaterInTheSameOrder() {
    Http api = newTenant();
    String webhook = subscribe(api, "/flaky", List.of("transfer.posted"));
    receiver.script(
        "/flaky",
        Receiver.Reply.status(500),
        Receiver.Reply.after(Duration.ofSeconds(13)), // past the 12 s an attempt may take
        Receiver.Reply.connectionReset(),
        Receiver.Reply.retryAfter(429, 2),
        Receiver.Reply.status(503));
    String funding = account(api, true);
    String shop = account(api, false);
    List<String> paid = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      paid.add(pay(api, funding, shop, 100 + i));
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(successes("/flaky")).hasSize(5));
    List<String> order = new ArrayList<>();
    for (JsonNode e : successes("/flaky")) {
      order.add(e.get("data").get("id").asString());
    }
    assertThat(order).as("same order as the payments").isEqualTo(paid);
    JsonNode attempts =
        api.get("/v1/webhooks/" + webhook + "/deliveries?limit=100").json().get("data");
    List<String> outcomes = new ArrayList<>();
    for (JsonNode a : attempts) {
      outcomes.add(
          a.get("statusCode").isNull()
              ? a.get("error").asString()
              : a.get("statusCode").asString());
    }
    assertThat(String.join("|", outcomes)).contains("500", "429", "503", "200", "no response");
    assertThat(attempts.size()).isEqualTo(10);
  }

  /** The bodies the path answered 2xx to, in order; the script's failures are the first ones. */
  private static List<JsonNode> successes(String path) {
    List<Receiver.Request> all = receiver.requests(path);
    List<JsonNode> ok = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 5; i < all.size(); i++) {
      if (seen.add(all.get(i).id())) {
        ok.add(JSON.readTree(all.get(i).body()));
      }
    }
    return ok;
  }

  @Test
  @Order(3)
  void gone410DisablesTheEndpointAndReEnablingOffersTheBacklog() {
    Http api = newTenant();
    receiver.otherwise("/gone", Receiver.Reply.status(410));
    String webhook = subscribe(api, "/gone", List.of("transfer.posted"));
    String funding = account(api, true);
    String shop = account(api, false);
    String first = pay(api, funding, shop, 1);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(api.get("/v1/webhooks/" + webhook).json().get("status").asString())
                    .isEqualTo("disabled"));
    assertThat(api.get("/v1/webhooks/" + webhook).json().get("disabledReason").asString())
        .contains("410");
    int tries = receiver.requests("/gone").size();
    String second = pay(api, funding, shop, 2);
    receiver.otherwise("/gone", Receiver.Reply.status(204));
    assertThat(receiver.requests("/gone")).hasSize(tries);
    assertThat(
            api.patch("/v1/webhooks/" + webhook, Map.of("status", "active"))
                .json()
                .get("status")
                .asString())
        .isEqualTo("active");
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              List<String> delivered = new ArrayList<>();
              for (JsonNode e : firstReceipts("/gone")) {
                delivered.add(e.get("data").get("id").asString());
              }
              assertThat(delivered).containsExactly(first, second);
            });
  }

  @Test
  @Order(4)
  void aRotatedSecretSignsBesideTheOldOneAndAReplayRedeliversWithTheSameIds() {
    Http api = newTenant();
    String webhook = subscribe(api, "/rotate", List.of("transfer.posted"));
    String funding = account(api, true);
    String shop = account(api, false);
    pay(api, funding, shop, 1);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> receiver.requests("/rotate").size() == 1);
    Receiver.Request first = receiver.requests("/rotate").getFirst();
    assertThat(first.validSignatures()).isEqualTo(1);
    String old = receiver.secretsOf("/rotate").getFirst();
    JsonNode rotated = api.post("/v1/webhooks/" + webhook + "/rotate-secret", null).json();
    receiver.secrets("/rotate", List.of(old, rotated.get("secret").asString()));
    sleep(2_000); // the replica delivering to it picks the new key up within a second
    pay(api, funding, shop, 2);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> receiver.requests("/rotate").size() == 2);
    Receiver.Request second = receiver.requests("/rotate").get(1);
    assertThat(second.headers().get("webhook-signature").split(" ")).hasSize(2);
    assertThat(second.validSignatures()).as("one by the new secret, one by the old").isEqualTo(2);
    Http.Answer replay = api.post("/v1/webhooks/" + webhook + "/replay", Map.of("afterSeq", 0));
    assertThat(replay.status()).isEqualTo(202);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> receiver.requests("/rotate").size() == 4);
    List<Receiver.Request> all = receiver.requests("/rotate");
    assertThat(List.of(all.get(2).id(), all.get(3).id()))
        .as("redelivered with the same webhook-id, in feed order")
        .containsExactly(all.get(0).id(), all.get(1).id());
  }

  /**
   * How soon an endpoint gets its events while a slow one (10 s an answer) has a backlog: well
   * under the slow one's answer, so that waiting behind it would show.
   */
  Duration fastDelivery() {
    return Duration.ofMillis(1_500);
  }

  @Test
  @Order(5)
  void aSlowEndpointDoesNotDelayAnotherEndpointsDeliveries() {
    Http slowShop = newTenant();
    Http api = newTenant();
    receiver.otherwise("/slow", Receiver.Reply.after(Duration.ofSeconds(10)));
    subscribe(slowShop, "/slow", List.of("transfer.posted"));
    subscribe(api, "/slow-neighbour", List.of("transfer.posted")); // same tenant as /fast
    receiver.otherwise("/slow-neighbour", Receiver.Reply.after(Duration.ofSeconds(10)));
    subscribe(api, "/fast", List.of("transfer.posted"));
    String slowFunding = account(slowShop, true);
    String slowTill = account(slowShop, false);
    String funding = account(api, true);
    List<String> tills = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      tills.add(account(api, false));
    }
    for (int i = 0; i < 30; i++) {
      pay(slowShop, slowFunding, slowTill, 1);
    }
    Map<String, Long> paidAt = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      String id = pay(api, funding, tills.get(i % tills.size()), 1);
      paidAt.put(id, System.nanoTime());
      sleep(50);
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> firstReceipts("/fast").size() == 20);
    List<Long> millis = new ArrayList<>();
    for (Receiver.Request r : receiver.requests("/fast")) {
      String id = JSON.readTree(r.body()).get("data").get("id").asString();
      millis.add((r.receivedNanos() - paidAt.get(id)) / 1_000_000);
    }
    millis.sort(null);
    assertThat(millis.getLast())
        .as("slowest of %s ms", millis)
        .isLessThan(fastDelivery().toMillis());
  }

  @Test
  @Order(6)
  void whenAReplicaIsKilledMidDeliveryAnotherDeliversEverything() throws Exception {
    cluster.stop(webhooks.get(1)); // the other replica now holds every endpoint
    Http api = newTenant();
    receiver.otherwise("/killed", Receiver.Reply.after(Duration.ofMillis(700)));
    subscribe(api, "/killed", List.of("transfer.posted"));
    String funding = account(api, true);
    List<String> paid = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      paid.add(pay(api, funding, account(api, false), 1));
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !receiver.requests("/killed").isEmpty());
    cluster.kill(webhooks.getFirst());
    int before = firstReceipts("/killed").size();
    assertThat(before).as("killed mid-delivery").isLessThan(24);
    cluster.start(webhooks.get(1), backend(webhooks.get(1)));
    cluster.awaitReady(webhooks.get(1), Duration.ofSeconds(120));
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(firstReceipts("/killed")).hasSize(24));
    Set<String> delivered = new HashSet<>();
    firstReceipts("/killed").forEach(e -> delivered.add(e.get("data").get("id").asString()));
    assertThat(delivered).containsExactlyInAnyOrderElementsOf(paid);
    cluster.start(webhooks.getFirst(), backend(webhooks.getFirst()));
    cluster.awaitReady(webhooks.getFirst(), Duration.ofSeconds(120));
  }

  @Test
  @Order(7)
  void theFeedHasNoGapAndNoDuplicateWhileCommitsAreDelayedAtRandom() throws Exception {
    Http api = newTenant();
    UUID tenantId = lastTenant;
    Set<String> written = ConcurrentHashMap.newKeySet();
    Map<String, Long> seen = new ConcurrentHashMap<>();
    List<String> problems = new CopyOnWriteArrayList<>();
    Thread reader =
        Thread.ofVirtual()
            .start(
                () -> {
                  String after = "0";
                  while (!Thread.currentThread().isInterrupted()) {
                    Http.Answer answer;
                    try {
                      answer = api.get("/v1/events?limit=500&after=" + after);
                    } catch (RuntimeException e) {
                      problems.add("the reader's request failed: " + e);
                      sleep(100);
                      continue;
                    }
                    if (answer.status() != 200) {
                      problems.add("the reader got " + answer.status() + " " + answer.body());
                      sleep(100);
                      continue;
                    }
                    JsonNode page = answer.json();
                    for (JsonNode e : page.get("data")) {
                      if (seen.put(e.get("id").asString(), e.get("seq").asLong()) != null) {
                        problems.add("twice: " + e);
                      }
                    }
                    after = page.get("nextCursor").asString();
                    if (page.get("data").isEmpty()) {
                      sleep(20);
                    }
                  }
                });
    int writers = Math.max(8, FEED_EVENTS / 3_000); // the delays, not the rows, take the time
    int perWriter = FEED_EVENTS / writers;
    try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
      List<Future<?>> runs = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        runs.add(pool.submit(() -> write(tenantId, perWriter, written)));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    }
    try {
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> seen.keySet().containsAll(written));
    } catch (ConditionTimeoutException e) {
      Set<String> missing = new HashSet<>(written);
      missing.removeAll(seen.keySet());
      throw new AssertionError(
          missing.size()
              + " of "
              + written.size()
              + " events never reached the reader; the reader's problems: "
              + problems.subList(0, Math.min(5, problems.size()))
              + "; where the first missing ones are: "
              + whereAre(missing.stream().limit(5).toList()),
          e);
    }
    reader.interrupt();
    assertThat(problems).isEmpty();
    assertThat(seen).hasSize(written.size());
    // the seqs the reader followed increase in the order it saw them, by construction of after;
    // that none is missing and none repeated is what the delayed commits could have broken
  }

  /** For each event id: its row in the ledger's outbox, and its seq in the feed if it has one. */
  private static List<String> whereAre(List<String> ids) throws Exception {
    List<String> found = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(database.url(), database.user(), database.password());
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT o.xid::text, o.position, (SELECT e.seq FROM webhooks.events e WHERE e.id ="
                    + " o.id), (SELECT r.last_xid || '/' || r.last_seq FROM webhooks.relay r)"
                    + " FROM ledger.outbox o WHERE o.id = ?")) {
      for (String id : ids) {
        ps.setObject(1, UUID.fromString(id));
        try (ResultSet rs = ps.executeQuery()) {
          found.add(
              rs.next()
                  ? id
                      + " xid "
                      + rs.getString(1)
                      + " position "
                      + rs.getInt(2)
                      + " seq "
                      + rs.getString(3)
                      + " (relay at "
                      + rs.getString(4)
                      + ")"
                  : id + " not in the outbox");
        }
      }
    }
    return found;
  }

  /**
   * Writes outbox rows as a ledger would, some transactions held open for a while before commit.
   */
  private static Void write(UUID tenant, int events, Set<String> written) throws Exception {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    try (Connection c =
        DriverManager.getConnection(database.url(), database.user(), database.password())) {
      c.setAutoCommit(false);
      int done = 0;
      while (done < events) {
        int rows = Math.min(events - done, 1 + random.nextInt(4));
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO ledger.outbox (id, tenant_id, type, subject_id, payload, created_at,"
                    + " position) VALUES (?, ?, 'account.updated', ?, '{}', now(), ?)")) {
          for (int i = 0; i < rows; i++) {
            UUID id = UUID.randomUUID();
            ps.setObject(1, id);
            ps.setObject(2, tenant);
            ps.setObject(3, UUID.randomUUID());
            ps.setInt(4, i + 1);
            ps.addBatch();
            ids.add(id.toString());
          }
          ps.executeBatch();
        }
        if (random.nextInt(4) == 0) {
          Thread.sleep(random.nextInt(1_500)); // a commit delayed while others commit
        }
        c.commit();
        written.addAll(ids);
        done += rows;
      }
    }
    return null;
  }

  @Test
  @Order(8)
  void anotherTenantSeesNoneOfThisTenantsEventsOrWebhooks() {
    Http one = newTenant();
    Http two = newTenant();
    String webhook = subscribe(one, "/private", List.of("account.created"));
    account(one, false);
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !feed(one).isEmpty());
    assertThat(feed(two)).isEmpty();
    two.get("/v1/webhooks/" + webhook).assertProblem(404, "webhook_not_found");
    two.get("/v1/webhooks/" + webhook + "/deliveries").assertProblem(404, "webhook_not_found");
    assertThat(two.get("/v1/webhooks").json().get("data").size()).isZero();
  }

  @Test
  @Order(9)
  void theLedgerVerifiesCleanAfterAllOfIt() {
    JsonNode report = operator.get("/v1/operator/verify").json();
    assertThat(report.get("clean").asBoolean()).as(report.toString()).isTrue();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
