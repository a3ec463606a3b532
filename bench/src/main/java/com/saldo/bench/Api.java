package com.saldo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of Saldo's API for one tenant. */
final class Api {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http;
  private final String base;
  private final String tenant;

  Api(String base, UUID tenant) {
    this.base = base;
    this.tenant = tenant.toString();
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
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
            request.header("Saldo-Tenant-Id", tenant).timeout(Duration.ofSeconds(10)).build(),
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
