package com.saldo.client.model;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One event of the feed, as {@code GET /v1/events} shows it and as a webhook delivers it.
 *
 * @param seq its place in the feed, in commit order
 * @param id its id: the {@code webhook-id} of every delivery of it, for deduplication
 * @param type such as {@code transfer.posted} or {@code account.updated}
 * @param createdAt when the change it describes was written
 * @param data the Transfer or Account as the API showed it after the change
 */
public record Event(long seq, UUID id, String type, Instant createdAt, JsonNode data) {

  /** Whether {@link #data} is a transfer (else it is an account). */
  public boolean aboutTransfer() {
    return type.startsWith("transfer.");
  }
}
