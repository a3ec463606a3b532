package com.saldo.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.identity.CallerIdentity;
import com.saldo.identity.IdentityToken;
import com.saldo.identity.Scope;
import com.saldo.local.Services;
import com.saldo.testing.Http;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Proves, over real HTTP against ledger, backoffice and gateway running as processes, that only
 * authenticated callers with the right scope get through the gateway, that tenants never see or
 * move each other's data, that revocation, JWT checks and rate limits hold, and that the backends
 * answer nothing to a caller who bypasses the gateway.
 */
class GatewaySystemTest {

  private static final List<String> ALL =
      List.of(
          "accounts:read",
          "accounts:write",
          "transfers:read",
          "transfers:write",
          "keys:manage",
          "webhooks:manage");
  private static SaldoCluster saldo;
  private static JwtIssuer issuer;

  @BeforeAll
  static void start(TestInfo suite) throws Exception {
    saldo = SaldoCluster.of(suite.getTestClass().orElseThrow());
    issuer = new JwtIssuer(saldo.jwksPort);
  }

  @AfterAll
  static void stop() {
    issuer.close();
  }

  private static String open(Http api, Map<String, Object> fields) {
    Map<String, Object> body = new HashMap<>(Map.of("currency", "EUR"));
    body.putAll(fields);
    Http.Answer answer = api.post("/v1/accounts", body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json().get("id").asString();
  }

  private static Map<String, Object> transfer(String debit, String credit, long amount) {
    return Map.of(
        "id", UUID.randomUUID().toString(),
        "debitAccountId", debit,
        "creditAccountId", credit,
        "amount", amount,
        "currency", "EUR");
  }

  private static void assertProblem(Http.Answer answer, int status, String code) {
    answer.assertProblem(status, code);
  }

  @Test
  void anOperatorMakesATenantAndAKeyThatWorks() {
    UUID tenant = saldo.newTenant("Corner Shop");
    Http api = saldo.as(saldo.newKey(tenant, ALL));
    Map<String, Object> funding = new HashMap<>();
    funding.put("minBalance", null);
    String source = open(api, funding);
    String customer = open(api, Map.of());
    assertThat(api.post("/v1/transfers", transfer(source, customer, 500)).status()).isEqualTo(201);
    assertThat(api.get("/v1/accounts/" + customer).json().get("balance").get("posted").asLong())
        .isEqualTo(500);
    Http.Answer list = saldo.operator().get("/v1/tenants/" + tenant + "/api-keys");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).doesNotContain("\"key\"").doesNotContain("sk_");
    assertThat(saldo.operator().get("/v1/tenants?limit=1000").body()).contains(tenant.toString());
    Http.Answer audit = saldo.operator().get("/v1/audit-log?limit=1000");
    assertThat(audit.body())
        .contains("tenant.created")
        .contains("api_key.created")
        .doesNotContain("sk_");
    assertThat(api.get("/v1/accounts").header("X-Request-Id")).isNotBlank();
    assertThat(
            saldo
                .as(saldo.newKey(tenant, ALL))
                .with(Map.of("X-Request-Id", "till-7-42"))
                .get("/v1/accounts")
                .header("X-Request-Id"))
        .isEqualTo("till-7-42");
  }

  @Test
  void eachScopeIsRequiredWhereTheApiNamesIt() {
    UUID tenant = saldo.newTenant("Scopes");
    Http all = saldo.as(saldo.newKey(tenant, ALL));
    String a = open(all, Map.of("minBalance", -1000));
    String b = open(all, Map.of());
    record Call(String method, String path, Object body, String scope) {}
    List<Call> calls =
        List.of(
            new Call("POST", "/v1/accounts", Map.of("currency", "EUR"), "accounts:write"),
            new Call("GET", "/v1/accounts", null, "accounts:read"),
            new Call("GET", "/v1/accounts/" + a, null, "accounts:read"),
            new Call(
                "PATCH", "/v1/accounts/" + a, Map.of("metadata", Map.of("k", 1)), "accounts:write"),
            new Call("POST", "/v1/transfers", transfer(a, b, 1), "transfers:write"),
            new Call("GET", "/v1/transfers", null, "transfers:read"),
            new Call("GET", "/v1/tenants/" + tenant + "/api-keys", null, "keys:manage"),
            new Call("GET", "/v1/events", null, "transfers:read"),
            new Call("GET", "/v1/webhooks", null, "webhooks:manage"));
    for (Call call : calls) {
      for (String held : ALL) {
        Http api = saldo.as(saldo.newKey(tenant, List.of(held)));
        Http.Answer answer = api.send(call.method(), call.path(), call.body(), "application/json");
        if (held.equals(call.scope())) {
          assertThat(answer.status())
              .as(call + " with " + held + ": " + answer.body())
              .isBetween(200, 299);
        } else {
          assertProblem(answer, 403, "forbidden");
        }
      }
    }
    assertProblem(all.get("/v1/tenants"), 403, "forbidden");
    assertProblem(all.get("/v1/audit-log"), 403, "forbidden");
    assertProblem(saldo.operator().get("/v1/accounts"), 403, "forbidden");
  }

  @Test
  void tenantsNeverSeeOrMoveEachOthersData() {
    UUID alpha = saldo.newTenant("Alpha");
    UUID beta = saldo.newTenant("Beta");
    Http a = saldo.as(saldo.newKey(alpha, ALL));
    Http b = saldo.as(saldo.newKey(beta, ALL));
    Map<String, Object> unbounded = new HashMap<>();
    unbounded.put("minBalance", null);
    String aFunding = open(a, unbounded);
    String aCustomer = open(a, Map.of("externalRef", "alpha-card"));
    Map<String, Object> payment = transfer(aFunding, aCustomer, 700);
    a.post("/v1/transfers", payment);
    Map<String, Object> hold = new HashMap<>(transfer(aCustomer, aFunding, 100));
    hold.put("hold", true);
    a.post("/v1/transfers", hold);
    String bAccount = open(b, Map.of());

    assertProblem(b.get("/v1/accounts/" + aCustomer), 404, "account_not_found");
    assertProblem(
        b.patch("/v1/accounts/" + aCustomer, Map.of("status", "frozen")), 404, "account_not_found");
    assertProblem(
        b.post("/v1/transfers", transfer(aCustomer, bAccount, 1)), 404, "account_not_found");
    assertProblem(
        b.post("/v1/transfers", transfer(bAccount, aCustomer, 1)), 404, "account_not_found");
    assertProblem(b.get("/v1/transfers/" + payment.get("id")), 404, "transfer_not_found");
    assertProblem(
        b.post("/v1/transfers/" + hold.get("id") + "/capture", Map.of()),
        404,
        "transfer_not_found");
    assertProblem(
        b.post("/v1/transfers/" + hold.get("id") + "/void", Map.of()), 404, "transfer_not_found");
    assertThat(b.get("/v1/transfers?accountId=" + aCustomer).json().get("data").size()).isZero();
    assertThat(b.get("/v1/accounts?externalRef=alpha-card").json().get("data").size()).isZero();
    assertProblem(b.get("/v1/tenants/" + alpha + "/api-keys"), 404, "tenant_not_found");
    assertProblem(
        b.post("/v1/tenants/" + alpha + "/api-keys", Map.of("name", "x", "scopes", ALL)),
        404,
        "tenant_not_found");
    String alphaKeyId =
        saldo
            .operator()
            .get("/v1/tenants/" + alpha + "/api-keys")
            .json()
            .get("data")
            .get(0)
            .get("id")
            .asString();
    assertProblem(b.delete("/v1/api-keys/" + alphaKeyId), 404, "api_key_not_found");
    // Beta's id for the same transfer is its own; Alpha's transfer is untouched.
    assertThat(
            b.post(
                    "/v1/transfers",
                    new HashMap<>(
                        Map.of(
                            "id",
                            payment.get("id"),
                            "debitAccountId",
                            bAccount,
                            "creditAccountId",
                            bAccount,
                            "amount",
                            1,
                            "currency",
                            "EUR")))
                .code())
        .isEqualTo("same_account");
    assertThat(a.get("/v1/accounts/" + aCustomer).json().get("balance").get("posted").asLong())
        .isEqualTo(700);
    assertThat(a.get("/v1/accounts/" + aCustomer).json().get("balance").get("held").asLong())
        .isEqualTo(100);
    assertThat(a.get("/v1/accounts/" + aCustomer).json().get("status").asString())
        .isEqualTo("active");
    assertThat(a.get("/v1/tenants/" + alpha + "/api-keys").status()).isEqualTo(200);
  }

  @Test
  void aRevokedKeyStopsWorkingWithinFiveSeconds() {
    UUID tenant = saldo.newTenant("Revocation");
    String key = saldo.newKey(tenant, ALL);
    Http api = saldo.as(key);
    assertThat(api.get("/v1/accounts").status()).isEqualTo(200);
    String keyId =
        saldo
            .operator()
            .get("/v1/tenants/" + tenant + "/api-keys")
            .json()
            .get("data")
            .get(0)
            .get("id")
            .asString();
    Instant revoked = Instant.now();
    assertThat(saldo.operator().delete("/v1/api-keys/" + keyId).status()).isEqualTo(204);
    assertThat(saldo.operator().delete("/v1/api-keys/" + keyId).status()).isEqualTo(204);
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> api.get("/v1/accounts").status() == 401);
    assertThat(Duration.between(revoked, Instant.now())).isLessThan(Duration.ofSeconds(5));
    assertProblem(api.get("/v1/accounts"), 401, "unauthenticated");
    assertThat(
            saldo
                .operator()
                .get("/v1/tenants/" + tenant + "/api-keys")
                .json()
                .get("data")
                .get(0)
                .get("revokedAt")
                .isNull())
        .isFalse();
  }

  @Test
  void badOrMissingCredentialsAreUnauthenticated() {
    Http none = new Http(saldo.url(), Map.of());
    assertProblem(none.get("/v1/accounts"), 401, "unauthenticated");
    for (String bad :
        List.of(
            "sk_nope",
            "sk_" + "0".repeat(32) + "_" + "A".repeat(43),
            "Basic abc",
            "",
            "a.b.c",
            SaldoCluster.OPERATOR_KEY + "x")) {
      assertProblem(saldo.as(bad).get("/v1/accounts"), 401, "unauthenticated");
    }
    assertProblem(
        new Http(saldo.url(), Map.of("Authorization", "Basic " + SaldoCluster.OPERATOR_KEY))
            .get("/v1/tenants"),
        401,
        "unauthenticated");
    // An identity header from outside is ignored, never forwarded.
    IdentityToken forger =
        new IdentityToken(
            java.util.Base64.getDecoder().decode(SaldoCluster.IDENTITY_KEY), Clock.systemUTC());
    String forged =
        forger.sign(
            new CallerIdentity(UUID.randomUUID(), "x", Scope.tenantScopes()),
            Duration.ofSeconds(30));
    assertProblem(
        new Http(saldo.url(), Map.of(IdentityToken.HEADER, forged)).get("/v1/accounts"),
        401,
        "unauthenticated");
    assertProblem(none.get("/v1/nowhere"), 404, "not_found");
    assertProblem(
        none.send("PUT", "/v1/accounts", "{}", "application/json"), 405, "method_not_allowed");
  }

  @Test
  void aJwtOfTheConfiguredIssuerWorksAndEveryBadOneIsRefused() throws Exception {
    UUID tenant = saldo.newTenant("Web shop");
    Instant later = Instant.now().plusSeconds(300);
    String scope = "accounts:read accounts:write";
    Http good =
        saldo.as(
            issuer.token(issuer.key, JwtIssuer.ISSUER, JwtIssuer.AUDIENCE, later, tenant, scope));
    assertThat(good.post("/v1/accounts", Map.of("currency", "EUR")).status()).isEqualTo(201);
    assertThat(good.get("/v1/accounts").json().get("data").size()).isEqualTo(1);
    assertProblem(good.post("/v1/transfers", Map.of()), 403, "forbidden");
    for (String bad :
        List.of(
            issuer.token(
                issuer.stranger, JwtIssuer.ISSUER, JwtIssuer.AUDIENCE, later, tenant, scope),
            issuer.token(
                issuer.key, "https://evil.example/", JwtIssuer.AUDIENCE, later, tenant, scope),
            issuer.token(issuer.key, JwtIssuer.ISSUER, "another-api", later, tenant, scope),
            issuer.token(
                issuer.key,
                JwtIssuer.ISSUER,
                JwtIssuer.AUDIENCE,
                Instant.now().minusSeconds(120),
                tenant,
                scope))) {
      assertProblem(saldo.as(bad).get("/v1/accounts"), 401, "unauthenticated");
    }
    String valid =
        issuer.token(issuer.key, JwtIssuer.ISSUER, JwtIssuer.AUDIENCE, later, tenant, scope);
    String[] parts = valid.split("\\.");
    String claims =
        new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String otherTenant = claims.replace(tenant.toString(), UUID.randomUUID().toString());
    assertThat(otherTenant).isNotEqualTo(claims);
    String tampered =
        parts[0]
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(otherTenant.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertProblem(saldo.as(tampered).get("/v1/accounts"), 401, "unauthenticated");
  }

  @Test
  void theBackendsAnswerNothingWithoutTheGatewaysIdentity() {
    IdentityToken real =
        new IdentityToken(
            java.util.Base64.getDecoder().decode(SaldoCluster.IDENTITY_KEY), Clock.systemUTC());
    IdentityToken wrongKey =
        new IdentityToken("a-key-that-is-not-the-gateways-key!!".getBytes(), Clock.systemUTC());
    IdentityToken past =
        new IdentityToken(
            java.util.Base64.getDecoder().decode(SaldoCluster.IDENTITY_KEY),
            Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5)));
    CallerIdentity someone = new CallerIdentity(UUID.randomUUID(), "k", Scope.tenantScopes());
    String good = real.sign(someone, Duration.ofSeconds(30));
    String[] parts = good.split("\\.");
    String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
    String altered =
        parts[0]
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    claims
                        .replace(someone.tenantId().toString(), UUID.randomUUID().toString())
                        .getBytes())
            + "."
            + parts[2];
    for (Services.Service backend : List.of(saldo.ledger, saldo.backoffice)) {
      String path = backend == saldo.ledger ? "/v1/accounts" : "/v1/tenants";
      assertProblem(saldo.direct(backend, Map.of()).get(path), 401, "unauthenticated");
      assertProblem(
          saldo
              .direct(backend, Map.of("Authorization", "Bearer " + SaldoCluster.OPERATOR_KEY))
              .get(path),
          401,
          "unauthenticated");
      for (String forged :
          List.of(
              wrongKey.sign(someone, Duration.ofSeconds(30)),
              past.sign(someone, Duration.ofSeconds(30)),
              altered)) {
        assertProblem(
            saldo.direct(backend, Map.of(IdentityToken.HEADER, forged)).get(path),
            401,
            "unauthenticated");
      }
    }
    assertProblem(
        saldo
            .direct(saldo.backoffice, Map.of(IdentityToken.HEADER, good))
            .post("/internal/v1/credentials/verify", Map.of("key", SaldoCluster.OPERATOR_KEY)),
        403,
        "forbidden");
  }

  @Test
  void aBurstOverTheLimitIs429AndTheBucketRefills() {
    UUID tenant = saldo.newTenant("Busy till");
    String key =
        saldo.newKey(
            tenant,
            Map.of(
                "name",
                "slow",
                "scopes",
                List.of("accounts:read"),
                "rateLimit",
                Map.of("perSecond", 2, "burst", 5)));
    Http api = saldo.as(key);
    List<Integer> statuses = new ArrayList<>();
    Http.Answer limited = null;
    for (int i = 0; i < 12; i++) {
      Http.Answer answer = api.get("/v1/accounts");
      statuses.add(answer.status());
      if (answer.status() == 429) {
        limited = answer;
      }
    }
    assertThat(statuses.subList(0, 5)).containsOnly(200);
    assertThat(statuses).contains(429);
    assertProblem(limited, 429, "rate_limited");
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 3);
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(600))
        .until(() -> api.get("/v1/accounts").status() == 200);
  }

  @Test
  void guessingKeysIsLimitedPerAddressWhileAWorkingKeyKeepsWorking() {
    UUID tenant = saldo.newTenant("Guessed at");
    Http till = saldo.as(saldo.newKey(tenant, List.of("accounts:read")));
    assertThat(till.get("/v1/accounts").status()).isEqualTo(200);
    Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
    java.util.concurrent.atomic.AtomicReference<Http.Answer> limited =
        new java.util.concurrent.atomic.AtomicReference<>();
    long started = System.nanoTime();
    // 300 guesses from 8 clients at once, so that they outrun the refill however slow the machine
    try (var clients = java.util.concurrent.Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 300; i++) {
        clients.submit(
            () -> {
              // one address, one bucket: "localhost" may be reached over ::1 and 127.0.0.1
              Http guess =
                  new Http(
                      "http://127.0.0.1:" + saldo.gateway.port(),
                      Map.of(
                          "Authorization",
                          "Bearer sk_" + UUID.randomUUID().toString().replace("-", "") + "_guess"));
              Http.Answer answer = guess.get("/v1/accounts");
              statuses.merge(answer.status(), 1, Integer::sum);
              if (answer.status() == 429) {
                limited.set(answer);
              }
            });
        if (i % 10 == 0) {
          assertThat(till.get("/v1/accounts").status())
              .as("the till, after %d guesses", i)
              .isEqualTo(200);
        }
      }
    }
    // a burst of 100 failures, then 20 a second: the rest never reach the backoffice
    assertThat(statuses.keySet()).containsOnly(401, 429);
    assertThat(statuses.get(401)).isGreaterThanOrEqualTo(100);
    assertThat(statuses.get(429))
        .as("429s of %s in %d ms", statuses, (System.nanoTime() - started) / 1_000_000)
        .isGreaterThanOrEqualTo(50);
    assertProblem(limited.get(), 429, "rate_limited");
    assertThat(Integer.parseInt(limited.get().header("Retry-After"))).isPositive();
    // the bucket refills: a new key is checked again (and other tests here are not held up)
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                saldo.as("sk_" + UUID.randomUUID() + "_late").get("/v1/accounts").status() == 401);
    assertThat(till.get("/v1/accounts").status()).isEqualTo(200);
  }

  @Test
  void aTenantMayLowerItsKeysRateLimitsButOnlyAnOperatorRaisesThem() {
    UUID tenant = saldo.newTenant("Quota");
    Http manager = saldo.as(saldo.newKey(tenant, List.of("keys:manage")));
    String path = "/v1/tenants/" + tenant + "/api-keys";
    for (Map<String, Integer> above :
        List.of(
            Map.of("perSecond", 1_000_000, "burst", 2000),
            Map.of("perSecond", 1000, "burst", 2001),
            Map.of("perSecond", 1001, "burst", 10))) {
      assertProblem(
          manager.post(path, Map.of("name", "greedy", "scopes", ALL, "rateLimit", above)),
          403,
          "forbidden");
    }
    Http.Answer lower =
        manager.post(
            path,
            Map.of(
                "name",
                "modest",
                "scopes",
                ALL,
                "rateLimit",
                Map.of("perSecond", 1000, "burst", 2000)));
    assertThat(lower.status()).as(lower.body()).isEqualTo(201);
    Http.Answer granted =
        saldo
            .operator()
            .post(
                path,
                Map.of(
                    "name",
                    "granted",
                    "scopes",
                    ALL,
                    "rateLimit",
                    Map.of("perSecond", 5000, "burst", 10000)));
    assertThat(granted.status()).as(granted.body()).isEqualTo(201);
    assertThat(granted.json().get("rateLimit").get("perSecond").asInt()).isEqualTo(5000);
    // only the two created keys and the manager's own exist: the refused ones stored nothing
    assertThat(saldo.operator().get(path).json().get("data").size()).isEqualTo(3);
  }

  @Test
  void badManagementInputIsA400AndStoresNothing() {
    Http op = saldo.operator();
    int tenantsBefore = op.get("/v1/tenants?limit=1000").json().get("data").size();
    assertProblem(op.post("/v1/tenants", Map.of()), 400, "validation_failed");
    assertProblem(op.post("/v1/tenants", Map.of("name", " ")), 400, "validation_failed");
    assertProblem(
        op.post("/v1/tenants", Map.of("name", "x".repeat(257))), 400, "validation_failed");
    assertProblem(
        op.post("/v1/tenants", Map.of("name", "ok", "color", "red")), 400, "validation_failed");
    assertProblem(
        op.send("POST", "/v1/tenants", "{\"name\":", "application/json"), 400, "malformed_json");
    assertThat(op.get("/v1/tenants?limit=1000").json().get("data").size()).isEqualTo(tenantsBefore);
    UUID tenant = saldo.newTenant("Keys");
    assertProblem(
        op.post(
            "/v1/tenants/" + tenant + "/api-keys",
            Map.of("name", "k", "scopes", List.of("operator"))),
        400,
        "validation_failed");
    assertProblem(
        op.post("/v1/tenants/" + tenant + "/api-keys", Map.of("name", "k", "scopes", List.of())),
        400,
        "validation_failed");
    assertProblem(
        op.post(
            "/v1/tenants/" + tenant + "/api-keys",
            Map.of("name", "k", "scopes", List.of("accounts:fly"))),
        400,
        "validation_failed");
    assertProblem(
        op.post("/v1/tenants/" + tenant + "/api-keys", Map.of("scopes", ALL)),
        400,
        "validation_failed");
    assertProblem(
        op.post(
            "/v1/tenants/" + tenant + "/api-keys",
            Map.of("name", "k", "scopes", ALL, "rateLimit", Map.of("perSecond", 0, "burst", 1))),
        400,
        "validation_failed");
    assertProblem(
        op.post(
            "/v1/tenants/" + UUID.randomUUID() + "/api-keys", Map.of("name", "k", "scopes", ALL)),
        404,
        "tenant_not_found");
    assertProblem(
        op.post("/v1/tenants/not-a-uuid/api-keys", Map.of("name", "k", "scopes", ALL)),
        400,
        "validation_failed");
    assertProblem(op.delete("/v1/api-keys/" + UUID.randomUUID()), 404, "api_key_not_found");
    assertThat(op.get("/v1/tenants/" + tenant + "/api-keys").json().get("data").size()).isZero();
  }

  @Test
  void theGatewayServesTheApiDescriptionAndTheProblemPages() {
    Http none = new Http(saldo.url(), Map.of());
    Http.Answer openApi = none.get("/v1/openapi.json");
    assertThat(openApi.status()).isEqualTo(200);
    assertThat(openApi.json().get("openapi").asString()).isEqualTo("3.1.0");
    assertThat(openApi.json().get("paths").has("/v1/transfers/{id}/capture")).isTrue();
    assertThat(openApi.header("Content-Type")).startsWith("application/json");
    // the document is read-only: another method there is a path the API does not have
    assertProblem(none.post("/v1/openapi.json", Map.of()), 404, "not_found");
    Http.Answer page = none.get("/problems/insufficient_funds");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("insufficient_funds");
    assertProblem(none.get("/problems/no_such_code"), 404, "not_found");
  }
}
