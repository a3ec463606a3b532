package com.saldo.ledger.transfer;

import java.time.Instant;
import java.util.UUID;

/** An event of the outbox: what happened to a transfer, written with the change itself. */
public record TransferEvent(UUID id, String type, Transfer transfer, Instant createdAt) {

  public static final String POSTED = "transfer.posted";
  public static final String PENDING = "transfer.pending";
  public static final String CAPTURED = "transfer.captured";
  public static final String VOIDED = "transfer.voided";
  public static final String EXPIRED = "transfer.expired";

  /** On the original transfer, when a refund of it posts: the original with its new total. */
  public static final String REFUNDED = "transfer.refunded";
}
