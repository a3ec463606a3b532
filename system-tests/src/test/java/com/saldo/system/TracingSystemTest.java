package com.saldo.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.testing.Http;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A trace crosses the hops: a request with a W3C {@code traceparent} through the gateway leaves
 * spans of the same trace in the gateway, in the backoffice it asked about the new key, and in the
 * ledger it forwarded to, all exported over OTLP to a collector.
 */
class TracingSystemTest {

  @Test
  void aCallersTraceparentIsCarriedThroughTheGatewayToTheBackends() {
    SaldoCluster saldo = SaldoCluster.get();
    UUID tenant = saldo.newTenant("Traced");
    String key = saldo.newKey(tenant, List.of("accounts:write"));
    byte[] raw = new byte[16];
    ThreadLocalRandom.current().nextBytes(raw);
    String traceId = HexFormat.of().formatHex(raw);
    Http traced =
        new Http(
            saldo.url(),
            Map.of(
                "Authorization", "Bearer " + key,
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
    assertThat(traced.post("/v1/accounts", Map.of("currency", "EUR")).status()).isEqualTo(201);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        saldo.traces.exporters(traceId, List.of("gateway", "ledger", "backoffice")))
                    .contains("gateway", "ledger", "backoffice"));
  }
}
