package com.saldo.client.model;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * What {@code saldo verify} found: every account recomputed from its entries, double entry per
 * tenant and currency, bounds, running balances, holds, refunds and the outbox, in one snapshot.
 *
 * @param clean true when nothing differs
 * @param startedAt when the check began
 * @param counted how many rows of each kind were checked
 * @param checks the checks made
 * @param differences each difference found, empty when clean
 */
public record VerifyReport(
    boolean clean, Instant startedAt, JsonNode counted, JsonNode checks, JsonNode differences) {}
