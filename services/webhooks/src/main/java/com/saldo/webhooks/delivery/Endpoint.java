package com.saldo.webhooks.delivery;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a worker needs of an endpoint: where to send, how fast, the keys that sign now (two during a
 * rotation), and what marks a change it must act on.
 */
public record Endpoint(
    UUID id,
    UUID tenantId,
    URI url,
    String status,
    int ratePerSecond,
    List<byte[]> keys,
    long generation,
    Instant failingSince) {

  public boolean isActive() {
    return status.equals("active");
  }
}
