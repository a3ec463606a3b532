package com.saldo.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.testing.Http;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import tools.jackson.databind.JsonNode;

/**
 * Proves the query service against a ledger that keeps changing: history pages concatenate to the
 * whole history exactly once while transfers keep arriving, every running balance is the sum of the
 * entries up to it, the balance at each entry's time is its running balance, a statement's closing
 * minus opening is the sum of its rows, and another tenant's account does not exist on any query
 * endpoint.
 */
class QuerySystemTest {

  private static SaldoCluster saldo;
  private static Http api;
  private static String funding;

  @BeforeAll
  static void tenant(TestInfo suite) {
    saldo = SaldoCluster.of(suite.getTestClass().orElseThrow());
    UUID tenant = saldo.newTenant("Query shop");
    api =
        saldo.as(
            saldo.newKey(
                tenant,
                List.of("accounts:read", "accounts:write", "transfers:read", "transfers:write")));
    Map<String, Object> unbounded = new HashMap<>();
    unbounded.put("currency", "EUR");
    unbounded.put("minBalance", null);
    funding = api.post("/v1/accounts", unbounded).json().get("id").asString();
  }

  private static String open() {
    return api.post("/v1/accounts", Map.of("currency", "EUR", "minBalance", -100_000))
        .json()
        .get("id")
        .asString();
  }

  private static void move(String from, String to, long amount, String reference) {
    Map<String, Object> body = new HashMap<>();
    body.put("id", UUID.randomUUID().toString());
    body.put("debitAccountId", from);
    body.put("creditAccountId", to);
    body.put("amount", amount);
    body.put("currency", "EUR");
    body.put("kind", "payment");
    body.put("reference", reference);
    Http.Answer answer = api.post("/v1/transfers", body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
  }

  @Test
  void historyPagesAreCompleteAndExactWhileWritersKeepWriting() throws Exception {
    String account = open();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 120; i++) {
      if (random.nextBoolean()) {
        move(funding, account, 1 + random.nextInt(5_000), "in-" + i);
      } else {
        move(
            account,
            funding,
            1 + random.nextInt(2_000),
            i % 7 == 0 ? "with, comma \"and quote\"" : "out-" + i);
      }
    }
    AtomicBoolean writing = new AtomicBoolean(true);
    Thread writer =
        Thread.ofVirtual()
            .start(
                () -> {
                  int n = 0;
                  while (writing.get() && n < 400) {
                    move(
                        funding,
                        account,
                        1 + ThreadLocalRandom.current().nextInt(100),
                        "late-" + n++);
                  }
                });
    List<JsonNode> entries = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Http.Answer page =
          api.get(
              "/v1/accounts/"
                  + account
                  + "/entries?limit=7"
                  + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      assertThat(page.header("Saldo-Consistent-As-Of")).isNotBlank();
      page.json().get("data").forEach(entries::add);
      cursor =
          page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asString();
      pages++;
    } while (cursor != null && pages < 1000);
    writing.set(false);
    writer.join();

    // Newest first, numbered without a gap down to 1: nothing skipped, nothing repeated.
    long top = entries.getFirst().get("seq").asLong();
    for (int i = 0; i < entries.size(); i++) {
      assertThat(entries.get(i).get("seq").asLong()).isEqualTo(top - i);
    }
    assertThat(entries.getLast().get("seq").asLong()).isEqualTo(1);
    List<JsonNode> oldestFirst = entries.reversed();
    long running = 0;
    for (JsonNode entry : oldestFirst) {
      running += entry.get("amount").asLong();
      assertThat(entry.get("balanceAfter").asLong()).isEqualTo(running);
    }
    // The balance at an entry's time is the balance after the last entry of that millisecond.
    Map<String, Long> lastOfTime = new HashMap<>();
    oldestFirst.forEach(
        e -> lastOfTime.put(e.get("createdAt").asString(), e.get("balanceAfter").asLong()));
    List<String> times = new ArrayList<>(lastOfTime.keySet());
    java.util.Collections.shuffle(times);
    for (String time : times.subList(0, Math.min(40, times.size()))) {
      JsonNode balance = api.get("/v1/accounts/" + account + "/balance?asOf=" + time).json();
      assertThat(balance.get("posted").asLong()).as(time).isEqualTo(lastOfTime.get(time));
    }
    assertThat(
            api.get("/v1/accounts/" + account + "/balance?asOf=2000-01-01T00:00:00Z")
                .json()
                .get("posted")
                .asLong())
        .isZero();
    long posted = api.get("/v1/accounts/" + account).json().get("balance").get("posted").asLong();
    assertThat(api.get("/v1/accounts/" + account + "/balance").json().get("posted").asLong())
        .isEqualTo(posted);

    // A series is the same balances in one request: each point equals balance?asOf= at its time.
    String first = oldestFirst.getFirst().get("createdAt").asString();
    String last = oldestFirst.getLast().get("createdAt").asString();
    JsonNode series =
        api.get("/v1/accounts/" + account + "/balances?from=" + first + "&to=" + last + "&points=9")
            .json()
            .get("data");
    assertThat(series.size()).isEqualTo(9);
    assertThat(series.get(0).get("asOf").asString()).isEqualTo(first);
    assertThat(series.get(8).get("asOf").asString()).isEqualTo(last);
    for (JsonNode point : series) {
      String at = point.get("asOf").asString();
      assertThat(point.get("posted").asLong())
          .as(at)
          .isEqualTo(
              api.get("/v1/accounts/" + account + "/balance?asOf=" + at)
                  .json()
                  .get("posted")
                  .asLong());
    }
    assertThat(
            api.get("/v1/accounts/" + account + "/balances?from=2000-01-01T00:00:00Z&points=2")
                .json()
                .get("data")
                .get(0)
                .get("posted")
                .asLong())
        .isZero();
    for (String bad :
        List.of(
            "",
            "?from=soon",
            "?from=" + last + "&to=" + first,
            "?from=" + first + "&points=1",
            "?from=" + first + "&points=201")) {
      assertThat(api.get("/v1/accounts/" + account + "/balances" + bad).status())
          .as(bad)
          .isEqualTo(400);
    }

    // A statement of a middle stretch: closing minus opening is the sum of its rows.
    String from = oldestFirst.get(30).get("createdAt").asString();
    String to = oldestFirst.get(90).get("createdAt").asString();
    Http.Answer statement =
        api.get("/v1/accounts/" + account + "/statement?format=csv&from=" + from + "&to=" + to);
    assertThat(statement.status()).as(statement.body()).isEqualTo(200);
    assertThat(statement.header("Content-Type")).startsWith("text/csv");
    List<List<String>> rows = Csv.parse(statement.body());
    assertThat(rows.getFirst())
        .containsExactly("type", "time", "transfer_id", "kind", "reference", "amount", "balance");
    assertThat(rows.get(1).getFirst()).isEqualTo("opening");
    assertThat(rows.getLast().getFirst()).isEqualTo("closing");
    BigDecimal sum = BigDecimal.ZERO;
    for (List<String> row : rows.subList(2, rows.size() - 1)) {
      assertThat(row.getFirst()).isEqualTo("entry");
      sum = sum.add(new BigDecimal(row.get(5)));
    }
    BigDecimal opening = new BigDecimal(rows.get(1).get(6));
    BigDecimal closing = new BigDecimal(rows.getLast().get(6));
    assertThat(closing.subtract(opening)).isEqualByComparingTo(sum);
    assertThat(rows.size() - 3).isGreaterThan(0);
    assertThat(statement.body()).contains("\"with, comma \"\"and quote\"\"\"");
  }

  @Test
  void anotherTenantsAccountDoesNotExistHere() {
    String account = open();
    move(funding, account, 100, "mine");
    UUID other = saldo.newTenant("Curious");
    Http stranger = saldo.as(saldo.newKey(other, List.of("accounts:read")));
    for (String path :
        List.of(
            "/entries",
            "/balance",
            "/balance?asOf=2030-01-01T00:00:00Z",
            "/balances?from=2026-01-01T00:00:00Z",
            "/statement?format=csv")) {
      Http.Answer answer = stranger.get("/v1/accounts/" + account + path);
      assertThat(answer.status()).as(path).isEqualTo(404);
      assertThat(answer.code()).isEqualTo("account_not_found");
    }
    Http noScope = saldo.as(saldo.newKey(other, List.of("transfers:read")));
    assertThat(noScope.get("/v1/accounts/" + account + "/entries").status()).isEqualTo(403);
  }

  @Test
  void aStatementUpToTheFirstDayTheApiKnowsStartsThereNotBefore() {
    String account = open();
    Http.Answer statement =
        api.get("/v1/accounts/" + account + "/statement?format=csv&to=0001-01-01T00:00:00Z");
    assertThat(statement.status()).as(statement.body()).isEqualTo(200);
    List<List<String>> rows = Csv.parse(statement.body());
    assertThat(rows.get(1)).first().isEqualTo("opening");
    assertThat(rows.get(1).get(1)).isEqualTo("0001-01-01T00:00:00.000Z");
    assertThat(rows.getLast().get(1)).isEqualTo("0001-01-01T00:00:00.000Z");
  }

  @Test
  void badQueriesAre400() {
    String account = open();
    for (String path :
        List.of(
            "/entries?limit=0",
            "/entries?limit=1001",
            "/entries?cursor=zzz",
            "/entries?from=yesterday",
            "/balance?asOf=soon",
            "/statement?format=pdf",
            "/statement?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z",
            "/statement?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")) {
      Http.Answer answer = api.get("/v1/accounts/" + account + path);
      assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(400);
      assertThat(answer.code()).isEqualTo("validation_failed");
    }
    assertThat(api.get("/v1/accounts/not-an-id/entries").status()).isEqualTo(400);
    assertThat(api.get("/v1/accounts/" + UUID.randomUUID() + "/entries").code())
        .isEqualTo("account_not_found");
  }

  /** A tiny RFC 4180 reader for the test's own check of the CSV. */
  static final class Csv {
    static List<List<String>> parse(String text) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          row.add(field.toString());
          field.setLength(0);
        } else if (c == '\r') {
          continue;
        } else if (c == '\n') {
          row.add(field.toString());
          field.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
        } else {
          field.append(c);
        }
      }
      return rows;
    }
  }
}
