package com.saldo.ledger;

import static com.saldo.ledger.ApiFixtures.assertProblem;
import static com.saldo.ledger.ApiFixtures.openAccount;
import static com.saldo.ledger.ApiFixtures.openFunding;
import static com.saldo.ledger.ApiFixtures.posted;
import static com.saldo.ledger.ApiFixtures.transfer;
import static com.saldo.ledger.ApiFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.identity.Scope;
import com.saldo.jdbc.Dialect;
import com.saldo.testing.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Proves the transfer endpoints over real HTTP: each success, each problem code with its status and
 * precedence, idempotency under the client's id, batches, holds, refunds, listing, and that another
 * tenant's ids answer exactly as missing ones.
 */
class TransferContractTest extends LedgerServer {

  private UUID tenant;
  private Http api;
  private String funding;
  private String customer;
  private String merchant;

  @BeforeEach
  void accounts() {
    tenant = UUID.randomUUID();
    api = tenant(tenant);
    funding = openFunding(api);
    customer = openAccount(api, Map.of("externalRef", "card-1"));
    merchant = openAccount(api, Map.of("maxBalance", 10_000));
    assertThat(
            api.post("/v1/transfers", with(transfer(funding, customer, 5_000), "kind", "top_up"))
                .status())
        .isEqualTo(201);
  }

  @Test
  void aTransferIsCreatedOnceAndReplayedAfter() {
    Map<String, Object> body =
        with(
            with(transfer(customer, merchant, 1_250), "kind", "payment"),
            "reference",
            "POS-4711/receipt-99");
    Http.Answer created = api.post("/v1/transfers", with(body, "metadata", Map.of("till", 3)));
    assertThat(created.status()).isEqualTo(201);
    JsonNode t = created.json();
    assertThat(t.get("status").asString()).isEqualTo("posted");
    assertThat(t.get("kind").asString()).isEqualTo("payment");
    assertThat(t.get("amount").asLong()).isEqualTo(1_250);
    assertThat(t.get("reference").asString()).isEqualTo("POS-4711/receipt-99");
    assertThat(t.get("metadata").get("till").asInt()).isEqualTo(3);
    assertThat(t.has("capturedAmount")).isFalse();
    Http.Answer replay = api.post("/v1/transfers", with(body, "metadata", Map.of("till", 3)));
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.json()).isEqualTo(t);
    assertProblem(api.post("/v1/transfers", with(body, "amount", 1_251)), 409, "id_conflict");
    assertThat(posted(api, customer)).isEqualTo(3_750);
    assertThat(api.get("/v1/transfers/" + body.get("id")).json()).isEqualTo(t);
  }

  @Test
  void eachRejectionHasItsCodeAndChangesNothing() {
    String dollars = openAccount(api, Map.of("currency", "USD"));
    String closed = openAccount(api);
    api.patch("/v1/accounts/" + closed, Map.of("status", "closed"));
    String frozen = openAccount(api);
    api.post("/v1/transfers", transfer(funding, frozen, 100));
    api.patch("/v1/accounts/" + frozen, Map.of("status", "frozen"));
    String missing = UUID.randomUUID().toString();
    String othersAccount = openAccount(newTenant());

    assertProblem(
        api.post("/v1/transfers", transfer(missing, merchant, 1)), 404, "account_not_found");
    assertProblem(
        api.post("/v1/transfers", transfer(customer, othersAccount, 1)), 404, "account_not_found");
    assertProblem(
        api.post("/v1/transfers", transfer(customer, dollars, 1)), 422, "currency_mismatch");
    assertProblem(api.post("/v1/transfers", transfer(customer, customer, 1)), 422, "same_account");
    assertProblem(api.post("/v1/transfers", transfer(customer, closed, 1)), 422, "account_closed");
    assertProblem(api.post("/v1/transfers", transfer(frozen, merchant, 1)), 422, "account_frozen");
    assertProblem(
        api.post("/v1/transfers", transfer(customer, merchant, 5_001)), 422, "insufficient_funds");
    assertProblem(
        api.post("/v1/transfers", transfer(funding, merchant, 10_001)),
        422,
        "balance_limit_exceeded");
    // precedence: currency before same account, closed before frozen, funds before limit
    assertProblem(
        api.post("/v1/transfers", transfer(dollars, dollars, 1)), 422, "currency_mismatch");
    assertProblem(api.post("/v1/transfers", transfer(frozen, closed, 1)), 422, "account_closed");
    assertProblem(
        api.post("/v1/transfers", transfer(frozen, merchant, 100_000)), 422, "account_frozen");
    assertProblem(
        api.post("/v1/transfers", transfer(customer, merchant, 20_000)), 422, "insufficient_funds");

    Map<String, Object> rejected = transfer(customer, merchant, 6_000);
    assertProblem(api.post("/v1/transfers", rejected), 422, "insufficient_funds");
    api.post("/v1/transfers", transfer(funding, customer, 5_000));
    assertProblem(api.post("/v1/transfers", rejected), 422, "insufficient_funds");
    assertProblem(api.get("/v1/transfers/" + rejected.get("id")), 404, "transfer_not_found");
    assertThat(posted(api, customer)).isEqualTo(10_000);
    assertThat(posted(api, merchant)).isZero();
  }

  @Test
  void badTransferInputIsA400() {
    Http.Answer answer =
        api.post(
            "/v1/transfers",
            Map.of("amount", 0, "currency", "EURO", "kind", "gift", "hold", "yes"));
    assertProblem(answer, 400, "validation_failed");
    List<String> fields =
        answer.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    assertThat(fields)
        .contains("id", "debitAccountId", "creditAccountId", "amount", "currency", "kind", "hold");
    assertProblem(
        api.post(
            "/v1/transfers",
            with(transfer(customer, merchant, 1), "amount", 1_000_000_000_000_001L)),
        400,
        "validation_failed");
    assertProblem(
        api.post("/v1/transfers", with(transfer(customer, merchant, 1), "amount", 12.5)),
        400,
        "validation_failed");
    assertProblem(
        api.post("/v1/transfers", with(transfer(customer, merchant, 1), "amount", "12")),
        400,
        "validation_failed");
    assertProblem(
        api.send(
            "POST",
            "/v1/transfers",
            Http.json(transfer(customer, merchant, 1))
                .replace("\"amount\":1", "\"amount\":99999999999999999999999"),
            "application/json"),
        400,
        "validation_failed");
    assertProblem(
        api.post("/v1/transfers", with(transfer(customer, merchant, 1), "kind", "refund")),
        400,
        "validation_failed");
    assertProblem(
        api.post(
            "/v1/transfers",
            with(transfer(customer, merchant, 1), "refundOf", UUID.randomUUID().toString())),
        400,
        "validation_failed");
    assertProblem(
        api.post("/v1/transfers", with(transfer(customer, merchant, 1), "holdTimeoutSeconds", 60)),
        400,
        "validation_failed");
    assertProblem(
        api.post(
            "/v1/transfers",
            with(
                with(transfer(customer, merchant, 1), "hold", true),
                "holdTimeoutSeconds",
                2_592_001)),
        400,
        "validation_failed");
    assertThat(posted(api, merchant)).isZero();
    Http readOnly = tenant(tenant, Scope.TRANSFERS_READ, Scope.ACCOUNTS_READ);
    assertProblem(
        readOnly.post("/v1/transfers", transfer(customer, merchant, 1)), 403, "forbidden");
    assertThat(posted(api, merchant)).isZero();
  }

  @Test
  void holdsAreCapturedPartlyOrVoided() {
    Map<String, Object> hold =
        with(with(transfer(customer, merchant, 3_000), "hold", true), "holdTimeoutSeconds", 600);
    JsonNode pending = api.post("/v1/transfers", hold).json();
    assertThat(pending.get("status").asString()).isEqualTo("pending");
    assertThat(pending.get("holdExpiresAt").asString()).isNotBlank();
    String id = (String) hold.get("id");
    assertProblem(
        api.post("/v1/transfers/" + id + "/capture", Map.of("amount", 3_001)),
        422,
        "capture_exceeds_hold");
    JsonNode captured =
        api.post("/v1/transfers/" + id + "/capture", Map.of("amount", 2_000)).json();
    assertThat(captured.get("status").asString()).isEqualTo("posted");
    assertThat(captured.get("capturedAmount").asLong()).isEqualTo(2_000);
    assertThat(api.post("/v1/transfers/" + id + "/capture", Map.of("amount", 2_000)).status())
        .isEqualTo(200);
    assertProblem(api.post("/v1/transfers/" + id + "/void", null), 422, "hold_not_pending");
    assertThat(posted(api, customer)).isEqualTo(3_000);

    Map<String, Object> second = with(transfer(customer, merchant, 500), "hold", true);
    api.post("/v1/transfers", second);
    String secondId = (String) second.get("id");
    assertThat(
            api.post("/v1/transfers/" + secondId + "/void", null).json().get("status").asString())
        .isEqualTo("voided");
    assertThat(api.post("/v1/transfers/" + secondId + "/void", null).status()).isEqualTo(200);
    assertProblem(
        api.post("/v1/transfers/" + secondId + "/capture", null), 422, "hold_not_pending");
    assertProblem(
        api.post("/v1/transfers/" + UUID.randomUUID() + "/capture", null),
        404,
        "transfer_not_found");
    assertProblem(
        newTenant().post("/v1/transfers/" + secondId + "/void", null), 404, "transfer_not_found");
    assertProblem(
        api.post("/v1/transfers/" + secondId + "/capture", Map.of("amount", -1)),
        400,
        "validation_failed");
    JsonNode account = api.get("/v1/accounts/" + customer).json();
    assertThat(account.get("balance").get("held").asLong()).isZero();
    assertThat(account.get("balance").get("available").asLong()).isEqualTo(3_000);
  }

  @Test
  void aHoldExpiresByItselfWhenItsTimeIsUp() {
    Map<String, Object> hold =
        with(with(transfer(customer, merchant, 700), "hold", true), "holdTimeoutSeconds", 1);
    api.post("/v1/transfers", hold);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                api.get("/v1/transfers/" + hold.get("id"))
                    .json()
                    .get("status")
                    .asString()
                    .equals("expired"));
    assertThat(api.get("/v1/accounts/" + customer).json().get("balance").get("held").asLong())
        .isZero();
    assertProblem(
        api.post("/v1/transfers/" + hold.get("id") + "/capture", null), 422, "hold_not_pending");
  }

  @Test
  void refundsAreBoundedByTheOriginal() {
    Map<String, Object> payment = with(transfer(customer, merchant, 1_000), "kind", "payment");
    api.post("/v1/transfers", payment);
    Map<String, Object> refund =
        with(
            with(transfer(merchant, customer, 600), "kind", "refund"),
            "refundOf",
            payment.get("id"));
    JsonNode refunded = api.post("/v1/transfers", refund).json();
    assertThat(refunded.get("refundOf").asString()).isEqualTo(payment.get("id"));
    assertProblem(
        api.post(
            "/v1/transfers",
            with(
                with(transfer(merchant, customer, 401), "kind", "refund"),
                "refundOf",
                payment.get("id"))),
        422,
        "refund_exceeds_original");
    assertProblem(
        api.post(
            "/v1/transfers",
            with(
                with(transfer(customer, merchant, 1), "kind", "refund"),
                "refundOf",
                payment.get("id"))),
        422,
        "refund_mismatch");
    assertThat(api.get("/v1/transfers/" + payment.get("id")).json().get("refundedAmount").asLong())
        .isEqualTo(600);
    assertThat(posted(api, merchant)).isEqualTo(400);
  }

  @Test
  void aCapturedHoldCanBeRefunded() {
    Map<String, Object> hold = with(transfer(customer, merchant, 800), "hold", true);
    assertThat(api.post("/v1/transfers", hold).status()).isEqualTo(201);
    assertThat(api.post("/v1/transfers/" + hold.get("id") + "/capture", Map.of()).status())
        .isEqualTo(200);
    Map<String, Object> refund =
        with(with(transfer(merchant, customer, 300), "kind", "refund"), "refundOf", hold.get("id"));
    Http.Answer refunded = api.post("/v1/transfers", refund);
    assertThat(refunded.status()).as(refunded.body()).isEqualTo(201);
    assertThat(api.get("/v1/transfers/" + hold.get("id")).json().get("refundedAmount").asLong())
        .isEqualTo(300);
    assertThat(posted(api, merchant)).isEqualTo(500);
  }

  @Test
  void aRefundTellsTheOriginalsSubscribersInTheSameTransaction() throws Exception {
    Map<String, Object> payment = with(transfer(customer, merchant, 1_000), "kind", "payment");
    api.post("/v1/transfers", payment);
    Map<String, Object> refund =
        with(
            with(transfer(merchant, customer, 250), "kind", "refund"),
            "refundOf",
            payment.get("id"));
    assertThat(api.post("/v1/transfers", refund).status()).isEqualTo(201);
    // the transaction that wrote each event: its id on PostgreSQL, its commit timestamp on Spanner
    boolean spanner = ledgerDatabase().dialect() == Dialect.SPANNER;
    String sql =
        spanner
            ? "SELECT type, subject_id, payload, CAST(committed_at AS varchar) FROM outbox"
                + " WHERE subject_id IN (?, ?) ORDER BY committed_at, position, id"
            : "SELECT type, subject_id::text, payload::text, xid::text FROM outbox"
                + " WHERE subject_id IN (?, ?) ORDER BY xid, position, id";
    List<String[]> events =
        ledgerDatabase()
            .query(
                sql,
                List.of(
                    UUID.fromString((String) payment.get("id")),
                    UUID.fromString((String) refund.get("id"))),
                rs ->
                    new String[] {
                      rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)
                    });
    List<String> rows = new ArrayList<>();
    String refundTransaction = null;
    for (String[] event : events) {
      var refunded =
          tools.jackson.databind.json.JsonMapper.builder()
              .build()
              .readTree(event[2])
              .get("refundedAmount");
      rows.add(event[0] + " " + event[1] + " " + (refunded == null ? "null" : refunded.asString()));
      if (event[1].equals(refund.get("id"))) {
        refundTransaction = event[3];
      } else if (event[0].equals("transfer.refunded")) {
        assertThat(event[3]).as("same transaction as the refund").isEqualTo(refundTransaction);
      }
    }
    assertThat(rows)
        .containsExactly(
            "transfer.posted " + payment.get("id") + " null",
            "transfer.posted " + refund.get("id") + " null",
            "transfer.refunded " + payment.get("id") + " 250");
  }

  @Test
  void batchesAnswerInOrderAndAtomicOnesAllOrNothing() {
    Map<String, Object> ok = transfer(customer, merchant, 100);
    Map<String, Object> tooMuch = transfer(customer, merchant, 999_999);
    Map<String, Object> hold = with(transfer(customer, merchant, 50), "hold", true);
    JsonNode results =
        api.post("/v1/transfers/batch", Map.of("transfers", List.of(ok, tooMuch, hold)))
            .json()
            .get("results");
    assertThat(results.get(0).get("status").asString()).isEqualTo("posted");
    assertThat(results.get(1).get("error").get("code").asString()).isEqualTo("insufficient_funds");
    assertThat(results.get(2).get("status").asString()).isEqualTo("pending");
    assertThat(results.get(1).get("id").asString()).isEqualTo(tooMuch.get("id"));

    Map<String, Object> a = transfer(customer, merchant, 100);
    Map<String, Object> b = transfer(customer, merchant, 999_999);
    JsonNode atomic =
        api.post("/v1/transfers/batch", Map.of("transfers", List.of(a, b), "atomic", true))
            .json()
            .get("results");
    assertThat(atomic.get(0).get("error").get("code").asString()).isEqualTo("batch_aborted");
    assertThat(atomic.get(1).get("error").get("code").asString()).isEqualTo("insufficient_funds");
    assertProblem(api.get("/v1/transfers/" + a.get("id")), 404, "transfer_not_found");
    assertThat(posted(api, merchant)).isEqualTo(100);
    // Decided: an aborted atomic batch stores nothing, outcomes included, so its ids never had
    // an outcome and a corrected batch may use them (the outcome of a stored id never changes).
    Map<String, Object> corrected = with(b, "amount", 1);
    JsonNode retried =
        api.post("/v1/transfers/batch", Map.of("transfers", List.of(a, corrected), "atomic", true))
            .json()
            .get("results");
    assertThat(retried.get(0).get("status").asString()).isEqualTo("posted");
    assertThat(retried.get(1).get("status").asString()).isEqualTo("posted");
    assertThat(posted(api, merchant)).isEqualTo(201);
    assertProblem(api.post("/v1/transfers", b), 409, "id_conflict");

    List<Map<String, Object>> tooMany = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      tooMany.add(transfer(customer, merchant, 1));
    }
    assertProblem(
        api.post("/v1/transfers/batch", Map.of("transfers", tooMany)), 400, "validation_failed");
    assertProblem(
        api.post("/v1/transfers/batch", Map.of("transfers", List.of())), 400, "validation_failed");
    Http.Answer invalidItem =
        api.post("/v1/transfers/batch", Map.of("transfers", List.of(ok, Map.of("amount", 1))));
    assertProblem(invalidItem, 400, "validation_failed");
    assertThat(invalidItem.body()).contains("transfers[1].id");
    assertThat(posted(api, merchant)).isEqualTo(201);
  }

  @Test
  void aRefundWithAnExplicitNullRefundOfIsA400AsIfItWereAbsent() {
    Map<String, Object> paid = transfer(customer, merchant, 100);
    assertThat(api.post("/v1/transfers", paid).status()).isEqualTo(201);
    Map<String, Object> refund = with(transfer(merchant, customer, 10), "kind", "refund");
    Map<String, Object> nullRefundOf = new java.util.HashMap<>(refund);
    nullRefundOf.put("refundOf", null);
    for (Map<String, Object> bad : List.of(refund, nullRefundOf)) {
      Http.Answer answer = api.post("/v1/transfers", bad);
      assertProblem(answer, 400, "validation_failed");
      assertThat(answer.body()).contains("refundOf");
    }
    // in a batch beside valid items: the whole request is a 400 and applies nothing
    Http.Answer batch =
        api.post(
            "/v1/transfers/batch",
            Map.of("transfers", List.of(transfer(customer, merchant, 1), nullRefundOf)));
    assertProblem(batch, 400, "validation_failed");
    assertThat(batch.body()).contains("transfers[1].refundOf");
    // null where refundOf is not allowed is absence, not a violation
    Map<String, Object> payment = new java.util.HashMap<>(transfer(customer, merchant, 1));
    payment.put("refundOf", null);
    assertThat(api.post("/v1/transfers", payment).status()).isEqualTo(201);
    assertThat(posted(api, merchant)).isEqualTo(101);
  }

  @Test
  void aHoldMadeBeforeAFreezeMayStillBeCapturedOrVoided() {
    // Decided: a freeze stops new debits and holds; what a hold reserved before it was
    // authorised already, so the shop may still capture it (or void it).
    Map<String, Object> first = with(transfer(customer, merchant, 300), "hold", true);
    Map<String, Object> second = with(transfer(customer, merchant, 200), "hold", true);
    assertThat(api.post("/v1/transfers", first).status()).isEqualTo(201);
    assertThat(api.post("/v1/transfers", second).status()).isEqualTo(201);
    api.patch("/v1/accounts/" + customer, Map.of("status", "frozen"));
    assertProblem(
        api.post("/v1/transfers", with(transfer(customer, merchant, 1), "hold", true)),
        422,
        "account_frozen");
    Http.Answer captured =
        api.post("/v1/transfers/" + first.get("id") + "/capture", Map.of("amount", 250));
    assertThat(captured.status()).as(captured.body()).isEqualTo(200);
    assertThat(captured.json().get("capturedAmount").asLong()).isEqualTo(250);
    assertThat(api.post("/v1/transfers/" + second.get("id") + "/void", Map.of()).status())
        .isEqualTo(200);
    assertThat(posted(api, merchant)).isEqualTo(250);
  }

  /** The ids of an account's transfers, read page by page with pages of two. */
  private List<String> idsInPagesOfTwo(String accountId) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          api.get(
                  "/v1/transfers?accountId="
                      + accountId
                      + "&limit=2"
                      + (cursor == null ? "" : "&cursor=" + cursor))
              .json();
      page.get("data").forEach(t -> ids.add(t.get("id").asString()));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
    } while (cursor != null);
    return ids;
  }

  @Test
  void listingIsNewestFirstFilteredAndPaged() {
    String other = openAccount(api);
    api.post("/v1/transfers", transfer(funding, other, 10));
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Map<String, Object> body =
          with(transfer(customer, merchant, 10 + i), "reference", i % 2 == 0 ? "even" : "odd");
      api.post("/v1/transfers", body);
      made.add((String) body.get("id"));
    }
    assertThat(idsInPagesOfTwo(merchant)).containsExactlyElementsOf(made.reversed());
    // The customer's pages merge its debits and its credit (the top-up), newest first.
    List<String> both = idsInPagesOfTwo(customer);
    assertThat(both).hasSize(6).doesNotHaveDuplicates();
    assertThat(both.subList(0, 5)).containsExactlyElementsOf(made.reversed());
    assertThat(api.get("/v1/transfers?reference=even").json().get("data").size()).isEqualTo(3);
    assertThat(api.get("/v1/transfers?accountId=" + customer).json().get("data").size())
        .isEqualTo(6);
    assertThat(
            api.get("/v1/transfers?from=2000-01-01T00:00:00Z&to=2001-01-01T00:00:00Z")
                .json()
                .get("data")
                .size())
        .isZero();
    assertThat(newTenant().get("/v1/transfers?accountId=" + merchant).json().get("data").size())
        .isZero();
    assertProblem(api.get("/v1/transfers?from=yesterday"), 400, "validation_failed");
    assertProblem(api.get("/v1/transfers?accountId=42"), 400, "validation_failed");
    assertProblem(newTenant().get("/v1/transfers/" + made.getFirst()), 404, "transfer_not_found");
  }

  @Test
  void openHoldsAndRefundsHaveListsOfTheirOwn() {
    Map<String, Object> open = with(transfer(customer, merchant, 100), "hold", true);
    Map<String, Object> voided = with(transfer(customer, merchant, 200), "hold", true);
    Map<String, Object> payment = with(transfer(customer, merchant, 300), "kind", "payment");
    for (Map<String, Object> t : List.of(open, voided, payment)) {
      assertThat(api.post("/v1/transfers", t).status()).isEqualTo(201);
    }
    api.post("/v1/transfers/" + voided.get("id") + "/void", null);
    Map<String, Object> refund =
        with(
            with(transfer(merchant, customer, 50), "kind", "refund"),
            "refundOf",
            payment.get("id"));
    api.post("/v1/transfers", refund);

    // both sides of a hold see it among their open holds; a voided one is gone from there
    for (String account : List.of(customer, merchant)) {
      JsonNode holds =
          api.get("/v1/transfers?accountId=" + account + "&status=pending").json().get("data");
      assertThat(holds.size()).isEqualTo(1);
      assertThat(holds.get(0).get("id").asString()).isEqualTo(open.get("id"));
    }
    assertThat(api.get("/v1/transfers?status=pending").json().get("data").size()).isEqualTo(1);
    JsonNode refunds = api.get("/v1/transfers?refundOf=" + payment.get("id")).json().get("data");
    assertThat(refunds.size()).isEqualTo(1);
    assertThat(refunds.get(0).get("id").asString()).isEqualTo(refund.get("id"));
    assertThat(
            newTenant()
                .get("/v1/transfers?refundOf=" + payment.get("id"))
                .json()
                .get("data")
                .size())
        .isZero();
    assertProblem(api.get("/v1/transfers?status=posted"), 400, "validation_failed");
    assertProblem(api.get("/v1/transfers?refundOf=nope"), 400, "validation_failed");
  }
}
