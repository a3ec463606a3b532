package com.saldo.client.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook: where a tenant's events are delivered, signed per Standard Webhooks 1.0.
 *
 * @param id the webhook's id
 * @param url where events are posted
 * @param events the event types it receives
 * @param description the tenant's note, or null
 * @param status {@code active}, {@code paused} or {@code disabled}
 * @param disabledReason why it was disabled (a 410, or days of failures), else null
 * @param rateLimit attempts per second at most
 * @param concurrencyLimit attempts in flight at most
 * @param failingSince since when no attempt succeeded, else null
 * @param previousSecretExpiresAt during a rotation, until when the old secret still signs
 * @param notice set when the operator allowed a private target
 * @param secret the signing secret ({@code whsec_...}), only when created or rotated
 * @param pendingDeliveries deliveries not yet made, only when one webhook is read
 * @param createdAt when it was registered
 * @param updatedAt when it last changed
 */
public record Webhook(
    UUID id,
    String url,
    List<String> events,
    String description,
    String status,
    String disabledReason,
    int rateLimit,
    int concurrencyLimit,
    Instant failingSince,
    Instant previousSecretExpiresAt,
    String notice,
    String secret,
    Long pendingDeliveries,
    Instant createdAt,
    Instant updatedAt) {}
