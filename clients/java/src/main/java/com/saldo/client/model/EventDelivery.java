package com.saldo.client.model;

import java.time.Instant;
import java.util.UUID;

/**
 * An event's delivery to one webhook, as {@code GET /v1/events/{seq}/deliveries} answers it.
 *
 * @param webhookId the webhook subscribed to the event
 * @param url where it delivers
 * @param status {@code pending}, {@code succeeded} or {@code failed}
 * @param attempts attempts made so far
 * @param nextAttemptAt when the next attempt is due while pending, else null
 * @param lastStatusCode the endpoint's status at the last attempt, or null
 * @param lastAttemptAt when the last attempt was made, or null before the first
 * @param lastError what went wrong at the last attempt, or null
 */
public record EventDelivery(
    UUID webhookId,
    String url,
    String status,
    int attempts,
    Instant nextAttemptAt,
    Integer lastStatusCode,
    Instant lastAttemptAt,
    String lastError) {}
