package com.saldo.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.testing.Http;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Builders of API requests for the ledger's HTTP tests. */
final class ApiFixtures {

  private ApiFixtures() {}

  static String openAccount(Http client, Map<String, Object> fields) {
    Map<String, Object> body = new HashMap<>(Map.of("currency", "EUR"));
    body.putAll(fields);
    Http.Answer answer = client.post("/v1/accounts", body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json().get("id").asString();
  }

  static String openAccount(Http client) {
    return openAccount(client, Map.of());
  }

  /** A system account without a lower bound: the source of top-ups. */
  static String openFunding(Http client) {
    Map<String, Object> body = new HashMap<>();
    body.put("minBalance", null);
    return openAccount(client, body);
  }

  static Map<String, Object> transfer(String debit, String credit, long amount) {
    Map<String, Object> body = new HashMap<>();
    body.put("id", UUID.randomUUID().toString());
    body.put("debitAccountId", debit);
    body.put("creditAccountId", credit);
    body.put("amount", amount);
    body.put("currency", "EUR");
    return body;
  }

  static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
    Map<String, Object> copy = new HashMap<>(body);
    copy.put(key, value);
    return copy;
  }

  static long posted(Http client, String account) {
    return client.get("/v1/accounts/" + account).json().get("balance").get("posted").asLong();
  }

  static void assertProblem(Http.Answer answer, int status, String code) {
    answer.assertProblem(status, code);
  }
}
