package com.saldo.client.model;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One record of the audit log: who did what, when, in which request. Never a secret.
 *
 * @param id the record's id
 * @param at when
 * @param actor the credential that acted
 * @param actorTenantId that credential's tenant, or null for an operator
 * @param action such as {@code api_key.created}
 * @param target what was acted on
 * @param requestId the request's {@code X-Request-Id}
 * @param detail what changed
 */
public record AuditRecord(
    UUID id,
    Instant at,
    String actor,
    UUID actorTenantId,
    String action,
    String target,
    String requestId,
    JsonNode detail) {}
