package com.saldo.ledger.transfer;

import com.saldo.ledger.account.AccountKey;
import com.saldo.ledger.idempotency.RequestHash;
import java.util.UUID;

/**
 * A request to move money, validated for shape, with defaults applied so that a request that spells
 * a default out and one that leaves it out are the same request. {@code holdTimeoutSeconds} is 0
 * unless {@code hold}; {@code metadata} is canonical JSON.
 */
public record TransferRequest(
    UUID tenantId,
    UUID id,
    UUID debitAccountId,
    UUID creditAccountId,
    long amount,
    String currency,
    TransferKind kind,
    boolean hold,
    long holdTimeoutSeconds,
    UUID refundOf,
    String reference,
    String metadata) {

  public TransferKey key() {
    return new TransferKey(tenantId, id);
  }

  public AccountKey debitKey() {
    return new AccountKey(tenantId, debitAccountId);
  }

  public AccountKey creditKey() {
    return new AccountKey(tenantId, creditAccountId);
  }

  public TransferKey refundOfKey() {
    return refundOf == null ? null : new TransferKey(tenantId, refundOf);
  }

  public String requestHash() {
    return RequestHash.of(
        debitAccountId,
        creditAccountId,
        amount,
        currency,
        kind,
        hold,
        holdTimeoutSeconds,
        refundOf,
        reference,
        metadata);
  }
}
