package com.saldo.client.model;

import java.time.Instant;
import java.util.UUID;

/**
 * One attempt to deliver an event to a webhook.
 *
 * @param seq the event's place in the feed
 * @param eventId the event's id
 * @param eventType its type
 * @param attempt 1 for the first attempt, then 2, ...
 * @param succeeded whether the endpoint answered 2xx
 * @param statusCode the endpoint's status, or null when it gave none
 * @param latencyMs how long the attempt took
 * @param error what went wrong (timeout, refused connection, ...), or null
 * @param attemptedAt when it was made
 * @param nextAttemptAt when the next attempt is due, or null
 */
public record DeliveryAttempt(
    long seq,
    UUID eventId,
    String eventType,
    int attempt,
    boolean succeeded,
    Integer statusCode,
    long latencyMs,
    String error,
    Instant attemptedAt,
    Instant nextAttemptAt) {}
