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
