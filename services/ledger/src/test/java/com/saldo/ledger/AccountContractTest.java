package com.saldo.ledger;

import static com.saldo.ledger.ApiFixtures.assertProblem;
import static com.saldo.ledger.ApiFixtures.openAccount;
import static com.saldo.ledger.ApiFixtures.openFunding;
import static com.saldo.ledger.ApiFixtures.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.identity.Scope;
import com.saldo.testing.Http;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Proves the account endpoints over real HTTP: each success, each problem code with its status,
 * idempotent creation, tenant isolation, and that a refused request changes nothing.
 */
class AccountContractTest extends LedgerServer {

  @Test
  void openingIsIdempotentUnderTheClientsId() {
    Http api = newTenant();
    String id = UUID.randomUUID().toString();
    Map<String, Object> body =
        Map.of(
            "id",
            id,
            "currency",
            "EUR",
            "externalRef",
            "card-7",
            "metadata",
            Map.of("b", 1, "a", "x"));
    Http.Answer created = api.post("/v1/accounts", body);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/v1/accounts/" + id);
    JsonNode account = created.json();
    assertThat(account.get("id").asString()).isEqualTo(id);
    assertThat(account.get("status").asString()).isEqualTo("active");
    assertThat(account.get("minBalance").asLong()).isZero();
    assertThat(account.get("maxBalance").isNull()).isTrue();
    assertThat(account.get("version").asLong()).isEqualTo(1);
    assertThat(account.get("balance").get("available").asLong()).isZero();
    assertThat(account.get("createdAt").asString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

    Map<String, Object> reordered =
        Map.of(
            "id",
            id,
            "currency",
            "EUR",
            "externalRef",
            "card-7",
            "metadata",
            Map.of("a", "x", "b", 1));
    Http.Answer again = api.post("/v1/accounts", reordered);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("createdAt")).isEqualTo(account.get("createdAt"));

    assertProblem(
        api.post("/v1/accounts", Map.of("id", id, "currency", "USD")), 409, "id_conflict");
    assertProblem(
        api.post("/v1/accounts", Map.of("currency", "EUR", "externalRef", "card-7")),
        409,
        "external_ref_taken");
    // Another tenant may use the same id and the same external reference.
    assertThat(newTenant().post("/v1/accounts", body).status()).isEqualTo(201);
  }

  @Test
  void badInputIsA400WithEveryFieldAndStoresNothing() {
    Http api = newTenant();
    Http.Answer answer =
        api.post(
            "/v1/accounts",
            Map.of(
                "currency",
                "euro",
                "minBalance",
                5,
                "maxBalance",
                -1,
                "color",
                "red",
                "id",
                "nope"));
    assertProblem(answer, 400, "validation_failed");
    List<String> fields =
        answer.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    assertThat(fields)
        .containsExactlyInAnyOrder("currency", "minBalance", "maxBalance", "color", "id");
    assertProblem(
        api.post("/v1/accounts", Map.of("currency", "EUR", "minBalance", 1.5)),
        400,
        "validation_failed");
    assertProblem(
        api.post("/v1/accounts", Map.of("currency", "EUR", "externalRef", "x".repeat(257))),
        400,
        "validation_failed");
    assertProblem(
        api.post("/v1/accounts", Map.of("currency", "EUR", "externalRef", "a\u0000b")),
        400,
        "validation_failed");
    Map<String, Object> tooManyKeys = new HashMap<>();
    for (int i = 0; i < 33; i++) {
      tooManyKeys.put("k" + i, i);
    }
    assertProblem(
        api.post("/v1/accounts", Map.of("currency", "EUR", "metadata", tooManyKeys)),
        400,
        "validation_failed");
    assertProblem(
        api.post(
            "/v1/accounts", Map.of("currency", "EUR", "metadata", Map.of("k", "x".repeat(5000)))),
        400,
        "validation_failed");
    assertProblem(
        api.send(
            "POST",
            "/v1/accounts",
            "{\"currency\":\"EUR\",\"currency\":\"USD\"}",
            "application/json"),
        400,
        "malformed_json");
    assertProblem(
        api.send("POST", "/v1/accounts", "{\"currency\":", "application/json"),
        400,
        "malformed_json");
    assertProblem(
        api.send("POST", "/v1/accounts", "[1]", "application/json"), 400, "malformed_json");
    assertProblem(
        api.send(
            "POST",
            "/v1/accounts",
            new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'},
            "application/json"),
        400,
        "malformed_json");
    assertProblem(
        api.send("POST", "/v1/accounts", "[".repeat(100) + "]".repeat(100), "application/json"),
        400,
        "malformed_json");
    assertProblem(
        api.send("POST", "/v1/accounts", "currency=EUR", "text/plain"),
        415,
        "unsupported_media_type");
    assertProblem(
        api.send(
            "POST",
            "/v1/accounts",
            "{\"metadata\":\"" + "x".repeat(1_100_000) + "\"}",
            "application/json"),
        413,
        "payload_too_large");
    assertThat(api.get("/v1/accounts").json().get("data").size()).isZero();
  }

  @Test
  void aCallerWithoutIdentityOrScopeIsRefused() {
    assertProblem(
        anonymous().post("/v1/accounts", Map.of("currency", "EUR")), 401, "unauthenticated");
    assertProblem(anonymous().get("/v1/accounts"), 401, "unauthenticated");
    assertProblem(presenting("v1.e30.AAAA").get("/v1/accounts"), 401, "unauthenticated");
    Http readOnly = tenant(UUID.randomUUID(), Scope.ACCOUNTS_READ);
    assertProblem(readOnly.post("/v1/accounts", Map.of("currency", "EUR")), 403, "forbidden");
    assertThat(readOnly.get("/v1/accounts").status()).isEqualTo(200);
    Http writeOnly = tenant(UUID.randomUUID(), Scope.ACCOUNTS_WRITE);
    String id = openAccount(writeOnly);
    assertProblem(writeOnly.get("/v1/accounts/" + id), 403, "forbidden");
  }

  @Test
  void anotherTenantsAccountDoesNotExist() {
    Http owner = newTenant();
    Http other = newTenant();
    String id = openAccount(owner, Map.of("externalRef", "mine"));
    assertProblem(other.get("/v1/accounts/" + id), 404, "account_not_found");
    assertProblem(
        other.patch("/v1/accounts/" + id, Map.of("status", "frozen")), 404, "account_not_found");
    assertThat(other.get("/v1/accounts?externalRef=mine").json().get("data").size()).isZero();
    assertProblem(owner.get("/v1/accounts/" + UUID.randomUUID()), 404, "account_not_found");
    assertProblem(owner.get("/v1/accounts/not-a-uuid"), 400, "validation_failed");
    assertThat(owner.get("/v1/accounts/" + id).json().get("status").asString()).isEqualTo("active");
  }

  @Test
  void listingPagesByCursorAndFiltersByExternalRef() {
    Http api = newTenant();
    for (int i = 0; i < 5; i++) {
      openAccount(api, Map.of("externalRef", "ref-" + i));
    }
    List<String> seen = new java.util.ArrayList<>();
    String cursor = null;
    do {
      Http.Answer page =
          api.get("/v1/accounts?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).isEqualTo(200);
      page.json().get("data").forEach(a -> seen.add(a.get("id").asString()));
      cursor =
          page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asString();
    } while (cursor != null);
    assertThat(seen).hasSize(5).doesNotHaveDuplicates().isSorted();
    JsonNode byRef = api.get("/v1/accounts?externalRef=ref-3").json().get("data");
    assertThat(byRef.size()).isEqualTo(1);
    assertThat(byRef.get(0).get("externalRef").asString()).isEqualTo("ref-3");
    assertProblem(api.get("/v1/accounts?limit=0"), 400, "validation_failed");
    assertProblem(api.get("/v1/accounts?limit=1001"), 400, "validation_failed");
    assertProblem(api.get("/v1/accounts?limit=abc"), 400, "validation_failed");
    assertProblem(api.get("/v1/accounts?cursor=bm9wZQ"), 400, "validation_failed");
    assertProblem(api.get("/v1/accounts?cursor=%25%25%25"), 400, "validation_failed");
  }

  @Test
  void statusBoundsAndClosing() {
    Http api = newTenant();
    String funding = openFunding(api);
    String account = openAccount(api);
    api.post("/v1/transfers", transfer(funding, account, 100));

    JsonNode frozen = api.patch("/v1/accounts/" + account, Map.of("status", "frozen")).json();
    assertThat(frozen.get("status").asString()).isEqualTo("frozen");
    assertThat(frozen.get("version").asLong()).isEqualTo(3);
    assertProblem(api.post("/v1/transfers", transfer(account, funding, 10)), 422, "account_frozen");
    assertThat(api.post("/v1/transfers", transfer(funding, account, 10)).status()).isEqualTo(201);
    assertThat(
            api.patch("/v1/accounts/" + account, Map.of("status", "frozen"))
                .json()
                .get("version")
                .asLong())
        .isEqualTo(4);

    assertProblem(
        api.patch("/v1/accounts/" + account, Map.of("minBalance", 111)), 422, "insufficient_funds");
    assertProblem(
        api.patch("/v1/accounts/" + account, Map.of("maxBalance", 109)),
        422,
        "balance_limit_exceeded");
    assertProblem(
        api.patch("/v1/accounts/" + account, Map.of("minBalance", 50, "maxBalance", 40)),
        422,
        "invalid_bounds");
    assertThat(
            api.patch("/v1/accounts/" + account, Map.of("minBalance", 110, "maxBalance", 110))
                .status())
        .isEqualTo(200);
    assertProblem(
        api.patch("/v1/accounts/" + account, Map.of("status", "closed")), 422, "account_not_empty");
    assertProblem(
        api.patch("/v1/accounts/" + account, Map.of("status", "gone")), 400, "validation_failed");

    Map<String, Object> unbounded = new HashMap<>();
    unbounded.put("minBalance", 0);
    unbounded.put("maxBalance", null);
    unbounded.put("status", "active");
    JsonNode active = api.patch("/v1/accounts/" + account, unbounded).json();
    assertThat(active.get("maxBalance").isNull()).isTrue();
    api.post("/v1/transfers", transfer(account, funding, 110));
    JsonNode closed = api.patch("/v1/accounts/" + account, Map.of("status", "closed")).json();
    assertThat(closed.get("status").asString()).isEqualTo("closed");
    assertThat(api.patch("/v1/accounts/" + account, Map.of("status", "closed")).status())
        .isEqualTo(200);
    assertProblem(
        api.patch("/v1/accounts/" + account, Map.of("status", "active")), 422, "account_closed");
    assertProblem(api.post("/v1/transfers", transfer(funding, account, 10)), 422, "account_closed");
  }

  @Test
  void everyAnswerCarriesARequestId() {
    Http api = newTenant().with(Map.of("X-Request-Id", "pos-4711-abc"));
    assertThat(api.get("/v1/accounts").header("X-Request-Id")).isEqualTo("pos-4711-abc");
    Http.Answer problem = api.get("/v1/accounts/" + UUID.randomUUID());
    assertThat(problem.json().get("traceId").asString()).isEqualTo("pos-4711-abc");
    assertThat(newTenant().get("/v1/accounts").header("X-Request-Id")).isNotBlank();
    assertProblem(newTenant().get("/v1/nowhere"), 404, "not_found");
    assertProblem(
        newTenant().send("DELETE", "/v1/accounts", null, null), 405, "method_not_allowed");
  }

  @Test
  void accountsAreFoundByAMetadataValueAsTextOrNumberWithinTheirTenant() {
    Http api = newTenant();
    for (Map<String, Object> metadata :
        List.<Map<String, Object>>of(
            Map.of("customerNo", "C-77", "tier", 3),
            Map.of("customerNo", "C-78", "tier", 3),
            Map.of("customerNo", "C-79", "vip", true))) {
      assertThat(api.post("/v1/accounts", Map.of("currency", "EUR", "metadata", metadata)).status())
          .isEqualTo(201);
    }
    java.util.function.Function<String, Integer> count =
        query -> api.get("/v1/accounts?" + query).json().get("data").size();
    assertThat(count.apply("metadataKey=customerNo&metadataValue=C-77")).isEqualTo(1);
    assertThat(count.apply("metadataKey=tier&metadataValue=3")).isEqualTo(2);
    assertThat(count.apply("metadataKey=vip&metadataValue=true")).isEqualTo(1);
    assertThat(count.apply("metadataKey=customerNo&metadataValue=C-7")).isZero();
    assertThat(count.apply("metadataKey=tier&metadataValue=3&limit=1")).isEqualTo(1);
    assertThat(
            newTenant()
                .get("/v1/accounts?metadataKey=customerNo&metadataValue=C-77")
                .json()
                .get("data")
                .size())
        .isZero();
    assertProblem(api.get("/v1/accounts?metadataKey=tier"), 400, "validation_failed");
    assertProblem(api.get("/v1/accounts?metadataValue=3"), 400, "validation_failed");
    assertProblem(api.get("/v1/accounts?metadataKey=&metadataValue=3"), 400, "validation_failed");
  }
}
