package com.saldo.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.testing.Http;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proves that hostile input changes nothing and breaks nothing: at least 100,000 generated and
 * mutated requests through the gateway at every endpoint, each answered with a 4xx problem that has
 * a code (a read may also succeed), none with a 5xx, none hanging; afterwards every table of the
 * ledger and the backoffice is exactly as before.
 */
class FuzzSystemTest {

  private static final int REQUESTS = Integer.getInteger("saldo.fuzz.requests", 100_000);
  private static final int CLIENTS = 32;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void hostileInputIsRefusedAndChangesNothing() throws Exception {
    SaldoCluster saldo = SaldoCluster.get();
    UUID tenant = saldo.newTenant("Fuzz target");
    String key =
        saldo.newKey(
            tenant,
            Map.of(
                "name", "fuzz",
                "scopes",
                    List.of(
                        "accounts:read",
                        "accounts:write",
                        "transfers:read",
                        "transfers:write",
                        "keys:manage",
                        "webhooks:manage"),
                "rateLimit", Map.of("perSecond", 1_000_000, "burst", 1_000_000)));
    Http api = saldo.as(key);
    List<String> ids = new ArrayList<>();
    Map<String, Object> unbounded = new HashMap<>(Map.of("currency", "EUR"));
    unbounded.put("minBalance", null);
    ids.add(api.post("/v1/accounts", unbounded).json().get("id").asString());
    for (int i = 0; i < 4; i++) {
      ids.add(api.post("/v1/accounts", Map.of("currency", "EUR")).json().get("id").asString());
      Map<String, Object> t =
          Map.of(
              "id",
              UUID.randomUUID().toString(),
              "debitAccountId",
              ids.getFirst(),
              "creditAccountId",
              ids.getLast(),
              "amount",
              1000,
              "currency",
              "EUR");
      assertThat(api.post("/v1/transfers", t).status()).isEqualTo(201);
      ids.add((String) t.get("id"));
    }
    Map<String, Long> before = state(saldo);

    int port = URI.create(saldo.url()).getPort();
    AtomicLong next = new AtomicLong();
    LongAdder sent = new LongAdder();
    Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      long seed = 7919L * c + 17;
      clients.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    Fuzzer fuzzer = new Fuzzer(seed, ids, tenant.toString());
                    while (next.getAndIncrement() < REQUESTS && failures.size() < 20) {
                      Fuzzer.Request r = fuzzer.next();
                      String credential =
                          switch ((int) (next.get() % 20)) {
                            case 0 -> SaldoCluster.OPERATOR_KEY;
                            case 1 -> "sk_garbage";
                            default -> key;
                          };
                      check(port, credential, r, statuses, failures);
                      sent.increment();
                    }
                  }));
    }
    for (Thread client : clients) {
      client.join(Duration.ofMinutes(10));
    }
    System.out.println("fuzz: " + sent.sum() + " requests, statuses " + statuses);
    assertThat(failures).as("answers that break the rules").isEmpty();
    assertThat(sent.sum()).isGreaterThanOrEqualTo(REQUESTS);
    assertThat(state(saldo)).isEqualTo(before);
    JsonNode verify = saldo.operator().get("/v1/operator/verify").json();
    assertThat(verify.get("clean").asBoolean()).as(verify.toString()).isTrue();
    assertThat(saldo.cluster.exited()).isNull();
  }

  private static void check(
      int port,
      String credential,
      Fuzzer.Request r,
      Map<Integer, LongAdder> statuses,
      ConcurrentLinkedQueue<String> failures) {
    String description =
        r.method() + " " + r.path().substring(0, Math.min(120, r.path().length())) + r.headers();
    StringBuilder head =
        new StringBuilder(r.method())
            .append(' ')
            .append(r.path())
            .append(' ')
            .append(r.version())
            .append("\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ")
            .append(credential);
    if (r.contentType() != null) {
      head.append("\r\nContent-Type: ").append(r.contentType());
    }
    head.append(r.headers());
    try {
      RawHttp.Answer answer = RawHttp.send(port, head.toString(), r.body(), 20_000);
      int status = answer.status();
      statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
      boolean allowed =
          status >= 400 && status < 500
              || (!r.write() && status == 200)
              || r.refusedByTheProtocol() && (status == 501 || status == 505);
      if (!allowed) {
        failures.add(
            status + " for " + description + " " + abbreviated(r) + " -> " + answer.body());
        return;
      }
      if (status >= 400) {
        String type = answer.header("Content-Type");
        JsonNode problem = JSON.readTree(answer.body());
        String code = problem.path("code").asString();
        if (type == null
            || !type.startsWith("application/problem+json")
            || code.isEmpty()
            || (status >= 500 && code.equals("internal_error"))) {
          failures.add("not a problem: " + status + " " + description + " -> " + answer.body());
        }
      }
    } catch (java.net.SocketTimeoutException e) {
      failures.add("hang: " + description);
    } catch (Exception e) {
      failures.add("broken answer: " + description + " " + e);
    }
  }

  private static String abbreviated(Fuzzer.Request r) {
    if (r.body() == null) {
      return "";
    }
    String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    return body.substring(0, Math.min(300, body.length()));
  }

  /** Counts and sums of every table the services write. */
  private static Map<String, Long> state(SaldoCluster saldo) throws Exception {
    Map<String, Long> state = new java.util.TreeMap<>();
    try (Connection db =
            DriverManager.getConnection(
                saldo.database.url(), saldo.database.user(), saldo.database.password());
        Statement sql = db.createStatement()) {
      for (String query :
          List.of(
              "SELECT count(*) FROM ledger.accounts",
              "SELECT coalesce(sum(version + debits_posted + credits_posted + debits_pending + credits_pending), 0) FROM ledger.accounts",
              "SELECT count(*) FROM ledger.transfers",
              "SELECT count(*) FROM ledger.entries",
              "SELECT count(*) FROM ledger.outbox",
              "SELECT count(*) FROM ledger.pending_holds",
              "SELECT count(*) FROM admin.tenants",
              "SELECT count(*) FROM admin.api_keys WHERE revoked_at IS NULL",
              "SELECT count(*) FROM admin.audit_log",
              "SELECT count(*) FROM webhooks.endpoints",
              "SELECT count(*) + coalesce(sum(generation), 0) FROM webhooks.endpoints",
              "SELECT count(*) FROM webhooks.replays")) {
        try (ResultSet rs = sql.executeQuery(query)) {
          rs.next();
          state.put(query, rs.getLong(1));
        }
      }
    }
    return state;
  }
}
