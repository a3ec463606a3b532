package com.saldo.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.testing.Http;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Proves the README's story over real HTTP: open, top up, pay, hold, capture, refund, add up. */
class LedgerFlowTest extends LedgerServer {

  @Test
  void aDayAtTheShop() {
    Http shop = newTenant();
    String funding =
        shop.post("/v1/accounts", Map.of("currency", "EUR", "minBalance", -1_000_000_000L))
            .json()
            .get("id")
            .asString();
    String customer =
        shop.post("/v1/accounts", Map.of("currency", "EUR", "externalRef", "card-1"))
            .json()
            .get("id")
            .asString();
    String merchant =
        shop.post("/v1/accounts", Map.of("currency", "EUR")).json().get("id").asString();

    Http.Answer topUp = shop.post("/v1/transfers", transfer(funding, customer, 10_000, "top_up"));
    assertThat(topUp.status()).isEqualTo(201);
    String payment = UUID.randomUUID().toString();
    Http.Answer pay =
        shop.post(
            "/v1/transfers",
            Map.of(
                "id",
                payment,
                "debitAccountId",
                customer,
                "creditAccountId",
                merchant,
                "amount",
                1_250,
                "currency",
                "EUR",
                "kind",
                "payment"));
    assertThat(pay.status()).isEqualTo(201);
    assertThat(pay.json().get("status").asString()).isEqualTo("posted");

    Map<String, Object> holdBody =
        new java.util.HashMap<>(transfer(customer, merchant, 3_000, "payment"));
    holdBody.put("hold", true);
    Http.Answer hold = shop.post("/v1/transfers", holdBody);
    assertThat(hold.status()).isEqualTo(201);
    assertThat(hold.json().get("status").asString()).isEqualTo("pending");
    JsonNode held = shop.get("/v1/accounts/" + customer).json();
    assertThat(held.get("balance").get("held").asLong()).isEqualTo(3_000);
    assertThat(held.get("balance").get("available").asLong()).isEqualTo(10_000 - 1_250 - 3_000);

    Http.Answer capture =
        shop.post("/v1/transfers/" + holdBody.get("id") + "/capture", Map.of("amount", 2_000));
    assertThat(capture.status()).isEqualTo(200);
    assertThat(capture.json().get("capturedAmount").asLong()).isEqualTo(2_000);

    Map<String, Object> refund =
        new java.util.HashMap<>(transfer(merchant, customer, 250, "refund"));
    refund.put("refundOf", payment);
    assertThat(shop.post("/v1/transfers", refund).status()).isEqualTo(201);

    JsonNode c = shop.get("/v1/accounts/" + customer).json();
    JsonNode m = shop.get("/v1/accounts/" + merchant).json();
    JsonNode f = shop.get("/v1/accounts/" + funding).json();
    assertThat(c.get("balance").get("posted").asLong()).isEqualTo(10_000 - 1_250 - 2_000 + 250);
    assertThat(c.get("balance").get("held").asLong()).isZero();
    assertThat(m.get("balance").get("posted").asLong()).isEqualTo(1_250 + 2_000 - 250);
    assertThat(
            c.get("balance").get("posted").asLong()
                + m.get("balance").get("posted").asLong()
                + f.get("balance").get("posted").asLong())
        .isZero();
  }

  static Map<String, Object> transfer(String debit, String credit, long amount, String kind) {
    return Map.of(
        "id", UUID.randomUUID().toString(),
        "debitAccountId", debit,
        "creditAccountId", credit,
        "amount", amount,
        "currency", "EUR",
        "kind", kind);
  }
}
