package com.saldo.client.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An API key. The secret {@code key} is present only in the answer that created it.
 *
 * @param id the key's id
 * @param tenantId its tenant
 * @param name what it is for
 * @param scopes what it may do, such as {@code transfers:write}
 * @param key the secret ({@code sk_...}), only when just created; Saldo stores only its hash
 * @param rateLimit its token bucket
 * @param createdAt when it was made
 * @param revokedAt when it was revoked, or null
 */
public record ApiKey(
    UUID id,
    UUID tenantId,
    String name,
    List<String> scopes,
    String key,
    RateLimit rateLimit,
    Instant createdAt,
    Instant revokedAt) {}
