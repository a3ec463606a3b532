package com.saldo.webhooks.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.identity.Scope;
import com.saldo.jdbc.Database;
import com.saldo.jdbc.Dialect;
import com.saldo.testing.Http;
import com.saldo.webhooks.WebhooksServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The webhooks API's contract over real HTTP: each success and each problem with its status and
 * code, the limits, the SSRF refusal at registration, and that another tenant's webhooks answer
 * exactly as missing ones.
 */
class WebhookApiTest extends WebhooksServer {

  private static final String PUBLIC = "https://93.184.216.34/hooks/saldo";

  private Http api;

  @BeforeEach
  void tenant() {
    api = tenant(UUID.randomUUID());
  }

  private static Map<String, Object> hook(Object url, Object events) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("url", url);
    body.put("events", events);
    return body;
  }

  private JsonNode create() {
    Http.Answer created = api.post("/v1/webhooks", hook(PUBLIC, List.of("transfer.posted")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  @Test
  void aWebhookIsCreatedWithItsSecretShownOnceThenChangedRotatedAndDeleted() {
    Map<String, Object> body = hook(PUBLIC, List.of("transfer.posted", "account.created"));
    body.put("description", "till 7");
    body.put("rateLimit", 50);
    Http.Answer created = api.post("/v1/webhooks", body);
    assertThat(created.status()).isEqualTo(201);
    JsonNode w = created.json();
    String id = w.get("id").asString();
    assertThat(created.header("Location")).isEqualTo("/v1/webhooks/" + id);
    assertThat(w.get("secret").asString()).startsWith("whsec_");
    assertThat(w.get("status").asString()).isEqualTo("active");
    assertThat(w.get("rateLimit").asInt()).isEqualTo(50);
    assertThat(w.get("events").toString()).isEqualTo("[\"transfer.posted\",\"account.created\"]");
    assertThat(w.has("notice")).isFalse();

    JsonNode got = api.get("/v1/webhooks/" + id).json();
    assertThat(got.has("secret")).isFalse();
    assertThat(got.get("pendingDeliveries").asLong()).isZero();
    assertThat(got.get("description").asString()).isEqualTo("till 7");

    JsonNode paused =
        api.patch(
                "/v1/webhooks/" + id,
                Map.of("status", "paused", "events", List.of("transfer.voided")))
            .json();
    assertThat(paused.get("status").asString()).isEqualTo("paused");
    assertThat(paused.get("events").toString()).isEqualTo("[\"transfer.voided\"]");
    assertThat(paused.get("description").asString()).isEqualTo("till 7");

    Http.Answer rotated = api.post("/v1/webhooks/" + id + "/rotate-secret", null);
    assertThat(rotated.status()).isEqualTo(200);
    assertThat(rotated.json().get("secret").asString())
        .startsWith("whsec_")
        .isNotEqualTo(w.get("secret").asString());
    assertThat(rotated.json().has("previousSecretExpiresAt")).isTrue();

    assertThat(api.delete("/v1/webhooks/" + id).status()).isEqualTo(204);
    api.get("/v1/webhooks/" + id).assertProblem(404, "webhook_not_found");
    api.delete("/v1/webhooks/" + id).assertProblem(404, "webhook_not_found");
  }

  @Test
  void listsPageInCreationOrder() {
    Set<String> made = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      made.add(create().get("id").asString());
    }
    JsonNode first = api.get("/v1/webhooks?limit=2").json();
    assertThat(first.get("data").size()).isEqualTo(2);
    JsonNode second =
        api.get("/v1/webhooks?limit=2&cursor=" + first.get("nextCursor").asString()).json();
    assertThat(second.get("data").size()).isEqualTo(1);
    assertThat(second.get("nextCursor").isNull()).isTrue();
    Set<String> listed = new HashSet<>();
    first.get("data").forEach(w -> listed.add(w.get("id").asString()));
    second.get("data").forEach(w -> listed.add(w.get("id").asString()));
    assertThat(listed).isEqualTo(made);
    api.get("/v1/webhooks?cursor=nonsense").assertProblem(400, "validation_failed");
  }

  @Test
  void eachTenantHasAtMostItsLimitOfWebhooks() {
    for (int i = 0; i < 3; i++) {
      create();
    }
    api.post("/v1/webhooks", hook(PUBLIC, List.of("transfer.posted")))
        .assertProblem(422, "too_many_webhooks");
  }

  @Test
  void badBodiesAreA400NamingEachFieldAndChangeNothing() {
    Http.Answer bad =
        api.post(
            "/v1/webhooks",
            Map.of(
                "url",
                "ftp://93.184.216.34/",
                "events",
                List.of("transfer.posted", "transfer.posted", "money.printed"),
                "rateLimit",
                1_000_000,
                "colour",
                "red"));
    bad.assertProblem(400, "validation_failed");
    assertThat(bad.body()).contains("url", "events[1]", "events[2]", "rateLimit", "colour");
    api.post("/v1/webhooks", Map.of("url", PUBLIC)).assertProblem(400, "validation_failed");
    api.post("/v1/webhooks", hook(PUBLIC, List.of())).assertProblem(400, "validation_failed");
    api.post("/v1/webhooks", hook(PUBLIC, "transfer.posted"))
        .assertProblem(400, "validation_failed");
    api.post("/v1/webhooks", hook(null, List.of("transfer.posted")))
        .assertProblem(400, "validation_failed");
    api.send("POST", "/v1/webhooks", "url=x", "application/x-www-form-urlencoded")
        .assertProblem(415, "unsupported_media_type");
    String id = create().get("id").asString();
    api.patch("/v1/webhooks/" + id, Map.of("status", "disabled"))
        .assertProblem(400, "validation_failed");
    api.get("/v1/webhooks/not-a-uuid").assertProblem(400, "validation_failed");
    assertThat(api.get("/v1/webhooks").json().get("data").size()).isEqualTo(1);
  }

  @Test
  void privateAndMetadataTargetsAreRefusedAtRegistration() {
    for (String url :
        List.of(
            "http://127.0.0.1:8080/hook",
            "http://169.254.169.254/latest/meta-data/",
            "http://[::1]/",
            "http://[::ffff:10.0.0.1]/",
            "http://localhost/")) {
      api.post("/v1/webhooks", hook(url, List.of("transfer.posted")))
          .assertProblem(422, "target_not_allowed");
    }
    String id = create().get("id").asString();
    api.patch("/v1/webhooks/" + id, Map.of("url", "http://10.0.0.1/"))
        .assertProblem(422, "target_not_allowed");
    assertThat(api.get("/v1/webhooks/" + id).json().get("url").asString()).isEqualTo(PUBLIC);
  }

  @Test
  void anotherTenantsWebhookIsExactlyAsAbsentAsAMissingOne() {
    String id = create().get("id").asString();
    Http other = tenant(UUID.randomUUID());
    String missing = UUID.randomUUID().toString();
    for (String target : List.of(id, missing)) {
      other.get("/v1/webhooks/" + target).assertProblem(404, "webhook_not_found");
      other
          .patch("/v1/webhooks/" + target, Map.of("status", "paused"))
          .assertProblem(404, "webhook_not_found");
      other
          .post("/v1/webhooks/" + target + "/rotate-secret", null)
          .assertProblem(404, "webhook_not_found");
      other.get("/v1/webhooks/" + target + "/deliveries").assertProblem(404, "webhook_not_found");
      other
          .post("/v1/webhooks/" + target + "/replay", Map.of("afterSeq", 0))
          .assertProblem(404, "webhook_not_found");
      other.delete("/v1/webhooks/" + target).assertProblem(404, "webhook_not_found");
    }
    assertThat(other.get("/v1/webhooks").json().get("data").size()).isZero();
    assertThat(api.get("/v1/webhooks/" + id).json().get("status").asString()).isEqualTo("active");
  }

  @Test
  void managingWebhooksNeedsItsScope() {
    Http reader = tenant(UUID.randomUUID(), Scope.TRANSFERS_READ);
    reader
        .post("/v1/webhooks", hook(PUBLIC, List.of("transfer.posted")))
        .assertProblem(403, "forbidden");
    reader.get("/v1/webhooks").assertProblem(403, "forbidden");
    assertThat(reader.get("/v1/events").status()).isEqualTo(200);
    tenant(UUID.randomUUID(), Scope.WEBHOOKS_MANAGE)
        .get("/v1/events")
        .assertProblem(403, "forbidden");
  }

  @Test
  void replayNeedsEitherATimeRangeOrASeq() {
    String id = create().get("id").asString();
    String path = "/v1/webhooks/" + id + "/replay";
    api.post(path, Map.of()).assertProblem(400, "validation_failed");
    api.post(path, Map.of("afterSeq", 0, "from", "2026-12-01T00:00:00Z"))
        .assertProblem(400, "validation_failed");
    api.post(path, Map.of("afterSeq", -1)).assertProblem(400, "validation_failed");
    api.post(path, Map.of("from", "2000-01-01T00:00:00Z")).assertProblem(400, "validation_failed");
    api.post(path, Map.of("from", "yesterday")).assertProblem(400, "validation_failed");
    Http.Answer accepted = api.post(path, Map.of("afterSeq", 0));
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.json().get("webhookId").asString()).isEqualTo(id);
  }

  @Test
  void theFeedReadsByCursorAndAnExpiredCursorIs410() {
    JsonNode empty = api.get("/v1/events").json();
    assertThat(empty.get("data").size()).isZero();
    assertThat(empty.get("nextCursor").asString()).isEqualTo("0");
    for (String bad : List.of("abc", "-1", "01", "1.5", "99999999999999999999", "")) {
      api.get("/v1/events?after=" + bad).assertProblem(400, "validation_failed");
    }
    api.get("/v1/events?limit=100000").assertProblem(400, "validation_failed");
    prunedThrough(100);
    try {
      api.get("/v1/events?after=5").assertProblem(410, "cursor_expired");
      assertThat(api.get("/v1/events?after=100").status()).isEqualTo(200);
      assertThat(api.get("/v1/events").json().get("nextCursor").asString()).isEqualTo("100");
      String id = create().get("id").asString();
      api.post("/v1/webhooks/" + id + "/replay", Map.of("afterSeq", 5))
          .assertProblem(410, "cursor_expired");
    } finally {
      prunedThrough(0);
    }
  }

  /** Sets the feed's pruned mark, as the pruner does (the relay's row made first on Spanner). */
  private void prunedThrough(long seq) {
    database()
        .inTransaction(
            c -> {
              if (database().dialect() == Dialect.SPANNER) {
                Database.update(
                    c,
                    "INSERT INTO relay (id, last_seq, last_committed_at, last_position,"
                        + " last_event_id, pruned_through) VALUES (1, 0, ?, 0, '', 0)"
                        + " ON CONFLICT (id) DO NOTHING",
                    Instant.EPOCH);
              }
              return Database.update(c, "UPDATE relay SET pruned_through = ?", seq);
            });
  }

  @Test
  void aTransfersEventsAndTheirDeliveriesAreFoundByItsIdAndOnlyByItsTenant() {
    UUID tenant = UUID.randomUUID();
    Http shop = tenant(tenant);
    Http other = tenant(UUID.randomUUID());
    Http reader = tenant(tenant, Scope.TRANSFERS_READ);
    Http.Answer created = shop.post("/v1/webhooks", hook(PUBLIC, List.of("transfer.posted")));
    UUID webhook = UUID.fromString(created.json().get("id").asString());
    UUID transfer = UUID.randomUUID();
    long seq =
        database()
            .inTransaction(
                c -> {
                  long first =
                      Database.single(c, "SELECT coalesce(max(seq), 0) + 1000 FROM events");
                  // two events about the transfer, one about something else, as the relay writes
                  // them
                  for (int i = 0; i < 3; i++) {
                    Database.update(
                        c,
                        "INSERT INTO events (seq, id, tenant_id, type, accounts, subject_id, data,"
                            + " created_at, relayed_at) VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?)",
                        first + i,
                        UUID.randomUUID(),
                        tenant,
                        i == 1 ? "transfer.refunded" : "transfer.posted",
                        Database.ids(c, List.of()),
                        i == 2 ? UUID.randomUUID() : transfer,
                        Instant.now(),
                        Instant.now());
                  }
                  Database.update(
                      c,
                      "INSERT INTO deliveries (endpoint_id, seq, status, attempts,"
                          + " next_attempt_at) VALUES (?, ?, 'succeeded', 2, ?)",
                      webhook,
                      first,
                      Instant.now());
                  for (int attempt = 1; attempt <= 2; attempt++) {
                    boolean spanner = database().dialect() == Dialect.SPANNER;
                    // the id is the identity column's on PostgreSQL, the service's on Spanner
                    List<Object> values =
                        new ArrayList<>(
                            List.of(
                                webhook,
                                first,
                                attempt,
                                Instant.now(),
                                attempt == 1 ? 503 : 200,
                                10,
                                attempt == 2));
                    if (spanner) {
                      values.add((long) attempt);
                    }
                    Database.update(
                        c,
                        "INSERT INTO attempts (endpoint_id, seq, attempt, attempted_at,"
                            + " status_code, latency_ms, succeeded"
                            + (spanner
                                ? ", id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                                : ")" + " VALUES (?, ?, ?, ?, ?, ?, ?)"),
                        values.toArray());
                  }
                  return first;
                });
    JsonNode about = reader.get("/v1/events?subjectId=" + transfer).json().get("data");
    assertThat(about.size()).isEqualTo(2);
    assertThat(about.get(0).get("seq").asLong()).isEqualTo(seq);
    assertThat(about.get(1).get("type").asString()).isEqualTo("transfer.refunded");
    assertThat(
            reader
                .get("/v1/events?subjectId=" + transfer + "&after=" + seq)
                .json()
                .get("data")
                .size())
        .isEqualTo(1);
    assertThat(other.get("/v1/events?subjectId=" + transfer).json().get("data").size()).isZero();
    reader.get("/v1/events?subjectId=nope").assertProblem(400, "validation_failed");

    JsonNode deliveries = shop.get("/v1/events/" + seq + "/deliveries").json().get("data");
    assertThat(deliveries.size()).isEqualTo(1);
    JsonNode delivery = deliveries.get(0);
    assertThat(delivery.get("webhookId").asString()).isEqualTo(webhook.toString());
    assertThat(delivery.get("status").asString()).isEqualTo("succeeded");
    assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
    assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(200);
    assertThat(delivery.get("nextAttemptAt").isNull()).isTrue();
    assertThat(shop.get("/v1/events/" + (seq + 1) + "/deliveries").json().get("data").size())
        .isZero();
    for (String missing : List.of(Long.toString(seq + 99), "abc", "-1")) {
      shop.get("/v1/events/" + missing + "/deliveries").assertProblem(404, "event_not_found");
    }
    other.get("/v1/events/" + seq + "/deliveries").assertProblem(404, "event_not_found");
    reader.get("/v1/events/" + seq + "/deliveries").assertProblem(403, "forbidden");
  }
}
