package com.saldo.ledger.transfer;

import java.time.Instant;

/** A rejected request, kept so that a retry under the same id gets the same answer. */
public record RejectedTransfer(
    TransferRequest request, Rejection reason, String detail, Instant createdAt)
    implements Recorded {

  @Override
  public TransferKey key() {
    return request.key();
  }

  @Override
  public String requestHash() {
    return request.requestHash();
  }
}
