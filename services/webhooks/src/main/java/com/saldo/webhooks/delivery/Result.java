package com.saldo.webhooks.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * An attempt to record: the attempt itself, and what the delivery became (pending with its next
 * attempt, succeeded, or failed for good).
 */
public record Result(
    UUID endpointId,
    long seq,
    int attempt,
    Instant attemptedAt,
    int statusCode,
    long latencyMillis,
    String error,
    boolean succeeded,
    String status,
    Instant nextAttemptAt) {}
