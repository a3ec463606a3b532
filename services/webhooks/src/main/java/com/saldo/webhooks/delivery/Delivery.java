package com.saldo.webhooks.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * A pending delivery of one event to one endpoint, as the endpoint's worker holds it.
 *
 * @param accounts the accounts the event concerns: deliveries sharing one go in feed order
 * @param data the event's data as JSON text, exactly as the feed shows it
 */
public record Delivery(
    UUID endpointId,
    long seq,
    UUID eventId,
    String type,
    UUID[] accounts,
    Instant createdAt,
    String data,
    int attempts,
    Instant nextAttemptAt) {

  Delivery retried(int attemptsMade, Instant next) {
    return new Delivery(
        endpointId, seq, eventId, type, accounts, createdAt, data, attemptsMade, next);
  }

  /** The body every attempt sends: the event as {@code GET /v1/events} shows it. */
  public String body() {
    return "{\"seq\":"
        + seq
        + ",\"id\":\""
        + eventId
        + "\",\"type\":\""
        + type
        + "\",\"createdAt\":\""
        + com.saldo.api.Times.format(createdAt)
        + "\",\"data\":"
        + data
        + "}";
  }
}
