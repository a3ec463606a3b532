package com.saldo.ledger.account;

import com.saldo.ledger.idempotency.RequestHash;
import java.util.UUID;

/** A request to open an account, validated for shape; {@code metadata} is canonical JSON. */
public record NewAccount(
    UUID tenantId,
    UUID id,
    String currency,
    String externalRef,
    Long minBalance,
    Long maxBalance,
    String metadata) {

  public AccountKey key() {
    return new AccountKey(tenantId, id);
  }

  public String requestHash() {
    return RequestHash.of(currency, externalRef, minBalance, maxBalance, metadata);
  }
}
