package com.saldo.bench;

import com.saldo.identity.CallerIdentity;
import com.saldo.identity.IdentityToken;
import com.saldo.identity.Scope;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

  private final HttpClient http;
  private final String base;
  private final Supplier<String[]> credential;

  /**
   * A client that authenticates each request with {@code credential}: a header name and value (an
   * API key through the gateway, or a signed identity straight to a service).
   */
  Api(String base, Supplier<String[]> credential) {
    this.base = base;
    this.credential = credential;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
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

  Answer post(String path, Object body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .header("Content-Type", "application/json"));
  }

  Answer get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            request
                .header(credential.get()[0], credential.get()[1])
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
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
