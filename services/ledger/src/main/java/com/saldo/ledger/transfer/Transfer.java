package com.saldo.ledger.transfer;

import java.time.Instant;
import java.util.UUID;

/**
 * A transfer as stored. A hold has {@code holdExpiresAt}; once captured it is {@code POSTED} with
 * {@code capturedAmount}. {@code refundedAmount} sums the refunds of this transfer.
 */
public record Transfer(
    UUID tenantId,
    UUID id,
    UUID debitAccountId,
    UUID creditAccountId,
    long amount,
    String currency,
    TransferKind kind,
    TransferStatus status,
    Long capturedAmount,
    UUID refundOf,
    long refundedAmount,
    Instant holdExpiresAt,
    String reference,
    String metadata,
    Instant createdAt,
    Instant updatedAt,
    String requestHash)
    implements Recorded {

  @Override
  public TransferKey key() {
    return new TransferKey(tenantId, id);
  }

  public boolean isHold() {
    return holdExpiresAt != null;
  }

  /** What this transfer moved for good: the captured part of a hold, else the amount. */
  public long postedAmount() {
    return capturedAmount != null ? capturedAmount : amount;
  }

  public Transfer withStatus(TransferStatus status, Long capturedAmount, Instant now) {
    return new Transfer(
        tenantId,
        id,
        debitAccountId,
        creditAccountId,
        amount,
        currency,
        kind,
        status,
        capturedAmount,
        refundOf,
        refundedAmount,
        holdExpiresAt,
        reference,
        metadata,
        createdAt,
        now,
        requestHash);
  }

  public Transfer withRefunded(long refundedAmount, Instant now) {
    return new Transfer(
        tenantId,
        id,
        debitAccountId,
        creditAccountId,
        amount,
        currency,
        kind,
        status,
        capturedAmount,
        refundOf,
        refundedAmount,
        holdExpiresAt,
        reference,
        metadata,
        createdAt,
        now,
        requestHash);
  }
}
