package com.saldo.client;

import static com.saldo.client.Transport.Safety.CONNECT_ONLY;
import static com.saldo.client.Transport.Safety.IDEMPOTENT;

import com.saldo.client.model.DeliveryAttempt;
import com.saldo.client.model.NewWebhook;
import com.saldo.client.model.Page;
import com.saldo.client.model.Replay;
import com.saldo.client.model.Webhook;
import com.saldo.client.model.WebhookChange;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The tenant's webhooks (scope {@code webhooks:manage}). Registering, rotating and replaying are
 * not idempotent, so they are sent again only where nothing can have been applied; {@link
 * Webhooks#verify} checks a delivery on the receiving side.
 */
public final class WebhookEndpoints {

  private final Transport transport;

  WebhookEndpoints(Transport transport) {
    this.transport = transport;
  }

  /** Registers a webhook; its {@code secret} is in this answer only. */
  @Endpoint("POST /v1/webhooks")
  public Webhook create(NewWebhook webhook) {
    return transport
        .json("POST", "/v1/webhooks", webhook.body(), CONNECT_ONLY, Webhook.class)
        .body();
  }

  @Endpoint("GET /v1/webhooks")
  public Page<Webhook> list(String cursor, Integer limit) {
    String path = Query.of("/v1/webhooks").param("cursor", cursor).param("limit", limit).toString();
    return Pages.read(transport.tree("GET", path, null, IDEMPOTENT), Webhook.class);
  }

  public Stream<Webhook> stream() {
    return Pages.walk(cursor -> list(cursor, null));
  }

  /** One webhook, with its {@code pendingDeliveries}. */
  @Endpoint("GET /v1/webhooks/{id}")
  public Webhook get(UUID id) {
    return transport
        .json("GET", Query.of("/v1/webhooks/%s", id).toString(), null, IDEMPOTENT, Webhook.class)
        .body();
  }

  /** Pauses, resumes (or re-enables with the backlog), or changes url, events or rate limit. */
  @Endpoint("PATCH /v1/webhooks/{id}")
  public Webhook update(UUID id, WebhookChange change) {
    return transport
        .json(
            "PATCH",
            Query.of("/v1/webhooks/%s", id).toString(),
            change.body(),
            IDEMPOTENT,
            Webhook.class)
        .body();
  }

  /** Deletes a webhook; nothing more is delivered to it. */
  @Endpoint("DELETE /v1/webhooks/{id}")
  public void delete(UUID id) {
    transport.empty("DELETE", Query.of("/v1/webhooks/%s", id).toString(), IDEMPOTENT);
  }

  /** A new secret (in this answer only); the old one keeps signing beside it for 24 hours. */
  @Endpoint("POST /v1/webhooks/{id}/rotate-secret")
  public Webhook rotateSecret(UUID id) {
    return transport
        .json(
            "POST",
            Query.of("/v1/webhooks/%s/rotate-secret", id).toString(),
            null,
            CONNECT_ONLY,
            Webhook.class)
        .body();
  }

  /** A page of delivery attempts, newest first. */
  @Endpoint("GET /v1/webhooks/{id}/deliveries")
  public Page<DeliveryAttempt> deliveries(UUID id, String cursor, Integer limit) {
    String path =
        Query.of("/v1/webhooks/%s/deliveries", id)
            .param("cursor", cursor)
            .param("limit", limit)
            .toString();
    return Pages.read(transport.tree("GET", path, null, IDEMPOTENT), DeliveryAttempt.class);
  }

  /** Offers the events after {@code afterSeq} again. */
  @Endpoint("POST /v1/webhooks/{id}/replay")
  public Replay replayAfter(UUID id, long afterSeq) {
    return replay(id, Map.of("afterSeq", afterSeq));
  }

  /**
   * Offers the events between two times (up to the retention back) again; {@code to} may be null.
   */
  public Replay replayBetween(UUID id, Instant from, Instant to) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", from.toString());
    if (to != null) {
      body.put("to", to.toString());
    }
    return replay(id, body);
  }

  private Replay replay(UUID id, Map<String, Object> body) {
    return transport
        .json(
            "POST",
            Query.of("/v1/webhooks/%s/replay", id).toString(),
            body,
            CONNECT_ONLY,
            Replay.class)
        .body();
  }
}
