package com.saldo.client.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An account to open. The client chooses the id when none is given, so that sending it again (after
 * a timeout, say) opens it once.
 *
 * @param id the account's id (the idempotency key), or null to have one made
 * @param currency its ISO 4217 currency, required
 * @param externalRef the tenant's own reference, unique per tenant, or null
 * @param minBalance the lower bound, or null for the default of 0
 * @param maxBalance the upper bound, or null for the default of none
 * @param metadata the tenant's own data, or null
 */
public record NewAccount(
    UUID id,
    String currency,
    String externalRef,
    Bound minBalance,
    Bound maxBalance,
    Map<String, Object> metadata) {

  /** An account in {@code currency} with every default. */
  public static NewAccount of(String currency) {
    return new NewAccount(null, currency, null, null, null, null);
  }

  public NewAccount withId(UUID value) {
    return new NewAccount(value, currency, externalRef, minBalance, maxBalance, metadata);
  }

  public NewAccount withExternalRef(String value) {
    return new NewAccount(id, currency, value, minBalance, maxBalance, metadata);
  }

  public NewAccount withMinBalance(Bound value) {
    return new NewAccount(id, currency, externalRef, value, maxBalance, metadata);
  }

  public NewAccount withMaxBalance(Bound value) {
    return new NewAccount(id, currency, externalRef, minBalance, value, metadata);
  }

  public NewAccount withMetadata(Map<String, Object> value) {
    return new NewAccount(id, currency, externalRef, minBalance, maxBalance, value);
  }

  /** The request body, with the id given (never null here). */
  public Map<String, Object> body(UUID chosenId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", chosenId.toString());
    body.put("currency", currency);
    Json.putIfSet(body, "externalRef", externalRef);
    Json.putBound(body, "minBalance", minBalance);
    Json.putBound(body, "maxBalance", maxBalance);
    Json.putIfSet(body, "metadata", metadata);
    return body;
  }
}
