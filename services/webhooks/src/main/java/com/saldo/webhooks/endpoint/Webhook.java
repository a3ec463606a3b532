package com.saldo.webhooks.endpoint;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A tenant's webhook endpoint as the API shows it (its secrets are never part of it). */
public record Webhook(
    UUID id,
    UUID tenantId,
    String url,
    List<String> events,
    String description,
    String status,
    String disabledReason,
    int rateLimit,
    Instant failingSince,
    Instant previousSecretUntil,
    Instant createdAt,
    Instant updatedAt) {

  public static final String ACTIVE = "active";
  public static final String PAUSED = "paused";
  public static final String DISABLED = "disabled";
  public static final String DELETED = "deleted";
}
