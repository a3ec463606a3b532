package com.saldo.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.testing.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's "A day at the shop" through the gateway, step by step and with the README's own ids:
 * a tenant and its key, three accounts, a top-up (sent twice), a payment, a hold captured in part,
 * a refund, then the balances, the transfer list, the history with running balances, the balance at
 * a time and the CSV statement, then its events: a webhook to a real receiver and the feed, each
 * checked against what the README says.
 */
class WalkthroughSystemTest {

  private static final String FUNDING = "00000000-0000-4000-8000-00000000f00d";
  private static final String ALICE = "00000000-0000-4000-8000-0000000a11ce";
  private static final String SHOP = "00000000-0000-4000-8000-000000005409";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static SaldoCluster saldo;

  @BeforeAll
  static void cluster(TestInfo suite) {
    saldo = SaldoCluster.of(suite.getTestClass().orElseThrow());
  }

  @Test
  void aDayAtTheShopAddsUp() {
    UUID tenant = saldo.newTenant("Corner Shop " + UUID.randomUUID());
    Http api =
        saldo.as(
            saldo.newKey(
                tenant,
                Map.of(
                    "name",
                    "till 1",
                    "scopes",
                    List.of(
                        "accounts:read", "accounts:write", "transfers:read", "transfers:write"))));

    Map<String, Object> funding = new HashMap<>(Map.of("id", FUNDING, "currency", "EUR"));
    funding.put("minBalance", null);
    created(api.post("/v1/accounts", funding));
    created(
        api.post(
            "/v1/accounts", Map.of("id", ALICE, "currency", "EUR", "externalRef", "card-4711")));
    created(api.post("/v1/accounts", Map.of("id", SHOP, "currency", "EUR")));

    Map<String, Object> topUp = transfer(1, "top_up", FUNDING, ALICE, 5000);
    JsonNode toppedUp = created(api.post("/v1/transfers", topUp));
    Http.Answer again = api.post("/v1/transfers", topUp);
    assertThat(again.status()).as("the same id again").isEqualTo(200);
    assertThat(again.json().get("id").asString()).isEqualTo(toppedUp.get("id").asString());

    Map<String, Object> payment = transfer(2, "payment", ALICE, SHOP, 1250);
    payment.put("reference", "POS-4711/receipt-99");
    created(api.post("/v1/transfers", payment));

    Map<String, Object> hold = transfer(3, "payment", ALICE, SHOP, 3000);
    hold.put("hold", true);
    hold.put("holdTimeoutSeconds", 3600);
    assertThat(created(api.post("/v1/transfers", hold)).get("status").asString())
        .isEqualTo("pending");
    Http.Answer captured = api.post("/v1/transfers/" + id(3) + "/capture", Map.of("amount", 2000));
    assertThat(captured.status()).as(captured.body()).isEqualTo(200);
    assertThat(captured.json().get("status").asString()).isEqualTo("posted");
    assertThat(captured.json().get("capturedAmount").asLong()).isEqualTo(2000);

    Map<String, Object> refund = transfer(4, "refund", SHOP, ALICE, 250);
    refund.put("refundOf", id(2));
    created(api.post("/v1/transfers", refund));

    // Alice 50.00 - 12.50 - 20.00 + 2.50 = 20.00; the shop 30.00; funding -50.00
    assertThat(posted(api, ALICE)).isEqualTo(2000);
    assertThat(posted(api, SHOP)).isEqualTo(3000);
    assertThat(posted(api, FUNDING)).isEqualTo(-5000);
    assertThat(api.get("/v1/accounts/" + ALICE).json().get("balance").get("held").asLong())
        .isZero();

    JsonNode transfers = api.get("/v1/transfers?accountId=" + ALICE + "&limit=10").json();
    assertThat(transfers.get("data").size()).isEqualTo(4);

    JsonNode entries = api.get("/v1/accounts/" + ALICE + "/entries?limit=10").json().get("data");
    assertThat(entries.size()).isEqualTo(4);
    assertThat(entries.get(0).get("balanceAfter").asLong()).as("newest first").isEqualTo(2000);
    assertThat(entries.get(entries.size() - 1).get("balanceAfter").asLong()).isEqualTo(5000);

    Http.Answer asOf = api.get("/v1/accounts/" + ALICE + "/balance?asOf=2030-01-01T00:00:00Z");
    assertThat(asOf.status()).as(asOf.body()).isEqualTo(200);
    assertThat(asOf.json().get("posted").asLong()).isEqualTo(2000);

    Http.Answer statement = api.get("/v1/accounts/" + ALICE + "/statement?format=csv");
    assertThat(statement.status()).as(statement.body()).isEqualTo(200);
    List<String> rows = statement.body().lines().toList();
    assertThat(rows.getFirst()).isEqualTo("type,time,transfer_id,kind,reference,amount,balance");
    assertThat(rows).filteredOn(row -> row.startsWith("entry,")).hasSize(4);
    assertThat(rows.getLast()).startsWith("closing,").endsWith(",20.00");

    Map<String, Object> tooMuch = transfer(9, "payment", ALICE, SHOP, 100_000);
    api.post("/v1/transfers", tooMuch).assertProblem(422, "insufficient_funds");
    assertThat(posted(api, ALICE)).as("a refused payment moves nothing").isEqualTo(2000);

    eventsAndWebhooks(tenant, api);
  }

  /**
   * The README's "Events and webhooks", continuing the day: a key that manages webhooks, a
   * subscription to a real receiver, Alice's payment of 1.00 arriving signed, its attempt, and the
   * feed holding every change of the day once, in order.
   */
  private static void eventsAndWebhooks(UUID tenant, Http api) {
    Http hooks =
        saldo.as(
            saldo.newKey(
                tenant,
                Map.of("name", "backend", "scopes", List.of("webhooks:manage", "transfers:read"))));
    try (Receiver receiver = new Receiver()) {
      JsonNode webhook =
          created(
              hooks.post(
                  "/v1/webhooks",
                  Map.of(
                      "url",
                      receiver.url("/hooks"),
                      "events",
                      List.of("transfer.posted", "transfer.refunded"),
                      "description",
                      "shop backend")));
      assertThat(webhook.get("notice").asString()).contains("private");
      receiver.secrets("/hooks", List.of(webhook.get("secret").asString()));

      created(api.post("/v1/transfers", transfer(5, "payment", ALICE, SHOP, 100)));
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !receiver.requests("/hooks").isEmpty());
      Receiver.Request delivered = receiver.requests("/hooks").getFirst();
      assertThat(delivered.signatureValid()).isTrue();
      JsonNode event = JSON.readTree(delivered.body());
      assertThat(event.get("type").asString()).isEqualTo("transfer.posted");
      assertThat(event.get("data").get("id").asString()).isEqualTo(id(5));
      assertThat(event.get("id").asString()).isEqualTo(delivered.id());

      String wh = webhook.get("id").asString();
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> hooks.get("/v1/webhooks/" + wh + "/deliveries").json().get("data").size() == 1);
      JsonNode attempt = hooks.get("/v1/webhooks/" + wh + "/deliveries").json().get("data").get(0);
      assertThat(attempt.get("statusCode").asInt()).isEqualTo(200);
      assertThat(attempt.get("succeeded").asBoolean()).isTrue();

      List<String> day = new ArrayList<>();
      long previous = 0;
      for (JsonNode e : hooks.get("/v1/events?after=0&limit=50").json().get("data")) {
        assertThat(e.get("seq").asLong()).as("in feed order").isGreaterThan(previous);
        previous = e.get("seq").asLong();
        // the account or the transfer as the API showed it after the change
        day.add(e.get("type").asString() + " " + e.get("data").get("id").asString());
      }
      assertThat(day)
          .as("every change of the day once, in the order it happened")
          .containsSubsequence(
              "account.created " + FUNDING,
              "account.created " + ALICE,
              "account.created " + SHOP,
              "transfer.posted " + id(1),
              "transfer.posted " + id(2),
              "transfer.pending " + id(3),
              "transfer.captured " + id(3),
              "transfer.refunded " + id(2), // with the refund's own posting, in one commit
              "transfer.posted " + id(5))
          .contains("transfer.posted " + id(4))
          .doesNotHaveDuplicates();
      JsonNode story = hooks.get("/v1/events?subjectId=" + id(2)).json().get("data");
      assertThat(story.findValuesAsString("type"))
          .as("a refund's transfer.refunded is about the original")
          .containsExactly("transfer.posted", "transfer.refunded");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String id(int n) {
    return "10000000-0000-4000-8000-00000000000" + n;
  }

  private static Map<String, Object> transfer(
      int n, String kind, String debit, String credit, long amount) {
    return new HashMap<>(
        Map.of(
            "id", id(n),
            "kind", kind,
            "debitAccountId", debit,
            "creditAccountId", credit,
            "amount", amount,
            "currency", "EUR"));
  }

  private static JsonNode created(Http.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json();
  }

  private static long posted(Http api, String account) {
    return api.get("/v1/accounts/" + account).json().get("balance").get("posted").asLong();
  }
}
