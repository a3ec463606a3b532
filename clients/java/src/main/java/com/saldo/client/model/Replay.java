package com.saldo.client.model;

import java.util.UUID;

/**
 * A replay accepted: the events with {@code afterSeq < seq <= throughSeq} that the webhook
 * subscribes to are offered again, in feed order.
 *
 * @param id the replay's id
 * @param webhookId the webhook
 * @param afterSeq the range's exclusive start
 * @param throughSeq the range's inclusive end
 */
public record Replay(UUID id, UUID webhookId, long afterSeq, long throughSeq) {}
