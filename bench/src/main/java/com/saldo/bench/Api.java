package com.saldo.bench;

import com.saldo.identity.CallerIdentity;
import com.saldo.identity.IdentityToken;
import com.saldo.identity.Scope;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of Saldo's API for one tenant. */
final class Api {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final Wire wire;
  private final Supplier<String[]> credential;

  /**
   * A client that authenticates each request with {@code credential}: a header name and value (an
   * API key through the gateway, or a signed identity straight to a service).
   */
  Api(String base, Supplier<String[]> credential) {
    this.wire = new Wire(base);
    this.credential = credential;
  }

  static Api withKey(String base, String key) {
    String[] header = {"Authorization", "Bearer " + key};
    return new Api(base, () -> header);
  }

  /** Straight to a service, with an identity signed as the gateway signs it. */
  static Api signed(String base, byte[] identityKey, UUID tenant) {
    IdentityToken tokens = new IdentityToken(identityKey, Clock.systemUTC());
    CallerIdentity caller = new CallerIdentity(tenant, "bench", Scope.tenantScopes());
    return new Api(
        base,
        () -> new String[] {IdentityToken.HEADER, tokens.sign(caller, Duration.ofSeconds(30))});
  }

  /** A tenant of the bench's own, and a key with its account and transfer scopes. */
  record Tenant(UUID id, String key) {

    /** Made by an operator; the key's rate limit is high enough never to be what is measured. */
    static Tenant create(Api operator) throws IOException {
      Answer tenant =
          operator.post("/v1/tenants", Map.of("name", "bench " + java.time.Instant.now()));
      if (tenant.status() != 201) {
        throw new IllegalStateException("cannot create the bench tenant: " + tenant.body());
      }
      UUID id = UUID.fromString(tenant.json().get("id").asString());
      Answer key =
          operator.post(
              "/v1/tenants/" + id + "/api-keys",
              Map.of(
                  "name", "bench",
                  "scopes",
                      java.util.List.of(
                          "accounts:read", "accounts:write", "transfers:read", "transfers:write"),
                  "rateLimit", Map.of("perSecond", 1_000_000, "burst", 1_000_000)));
      if (key.status() != 201) {
        throw new IllegalStateException("cannot create the bench key: " + key.body());
      }
      return new Tenant(id, key.json().get("key").asString());
    }
  }

  record Answer(int status, String body) {
    JsonNode json() {
      return JSON.readTree(body);
    }
  }

  Answer post(String path, Object body) throws IOException {
    Wire.Response response =
        wire.send("POST", path, credential.get(), JSON.writeValueAsBytes(body));
    return new Answer(response.status(), response.body());
  }

  Answer get(String path) throws IOException {
    Wire.Response response = wire.send("GET", path, credential.get(), null);
    return new Answer(response.status(), response.body());
  }

  static Map<String, Object> transfer(UUID id, UUID debit, UUID credit, long amount, String kind) {
    return Map.of(
        "id",
        id.toString(),
        "debitAccountId",
        debit.toString(),
        "creditAccountId",
        credit.toString(),
        "amount",
        amount,
        "currency",
        "EUR",
        "kind",
        kind);
  }
}
