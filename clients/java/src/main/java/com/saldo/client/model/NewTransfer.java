package com.saldo.client.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A transfer to make. Its id is the idempotency key: the client makes one when it is null and sends
 * every retry with that same id, so a transfer is applied at most once however often it is sent.
 *
 * @param id the idempotency key, or null to have one made
 * @param debitAccountId the account to take the amount from
 * @param creditAccountId the account to give it to
 * @param amount in minor units, 1 to 10^15
 * @param currency ISO 4217, the currency of both accounts
 * @param kind {@code payment}, {@code top_up}, {@code refund}, {@code transfer} (the default) or
 *     {@code adjustment}
 * @param hold true to reserve the amount now and capture or void it later
 * @param holdTimeoutSeconds with a hold: when it voids itself (1 to 2,592,000; 7 days by default)
 * @param refundOf with {@code refund}: the transfer it reverses
 * @param reference the tenant's reference, such as a receipt number
 * @param metadata the tenant's own data
 */
public record NewTransfer(
    UUID id,
    UUID debitAccountId,
    UUID creditAccountId,
    long amount,
    String currency,
    String kind,
    Boolean hold,
    Integer holdTimeoutSeconds,
    UUID refundOf,
    String reference,
    Map<String, Object> metadata) {

  /** A transfer of {@code kind} with no hold, reference or metadata. */
  public static NewTransfer of(String kind, UUID from, UUID to, long amount, String currency) {
    return new NewTransfer(null, from, to, amount, currency, kind, null, null, null, null, null);
  }

  /** A customer pays a shop. */
  public static NewTransfer payment(UUID customer, UUID shop, long amount, String currency) {
    return of("payment", customer, shop, amount, currency);
  }

  /** Money reaches a customer's account from a funding account. */
  public static NewTransfer topUp(UUID funding, UUID customer, long amount, String currency) {
    return of("top_up", funding, customer, amount, currency);
  }

  /** Reverses (part of) {@code original}: from its credit account back to its debit account. */
  public static NewTransfer refund(Transfer original, long amount) {
    return new NewTransfer(
        null,
        original.creditAccountId(),
        original.debitAccountId(),
        amount,
        original.currency(),
        "refund",
        null,
        null,
        original.id(),
        null,
        null);
  }

  public NewTransfer withId(UUID value) {
    return new NewTransfer(
        value,
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

  /** The same transfer as a hold, to capture or void later. */
  public NewTransfer asHold(Integer timeoutSeconds) {
    return new NewTransfer(
        id,
        debitAccountId,
        creditAccountId,
        amount,
        currency,
        kind,
        true,
        timeoutSeconds,
        refundOf,
        reference,
        metadata);
  }

  public NewTransfer withReference(String value) {
    return new NewTransfer(
        id,
        debitAccountId,
        creditAccountId,
        amount,
        currency,
        kind,
        hold,
        holdTimeoutSeconds,
        refundOf,
        value,
        metadata);
  }

  public NewTransfer withMetadata(Map<String, Object> value) {
    return new NewTransfer(
        id,
        debitAccountId,
        creditAccountId,
        amount,
        currency,
        kind,
        hold,
        holdTimeoutSeconds,
        refundOf,
        reference,
        value);
  }

  /** The request body with the id given. */
  public Map<String, Object> body(UUID chosenId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", chosenId.toString());
    body.put("debitAccountId", String.valueOf(debitAccountId));
    body.put("creditAccountId", String.valueOf(creditAccountId));
    body.put("amount", amount);
    body.put("currency", currency);
    Json.putIfSet(body, "kind", kind);
    Json.putIfSet(body, "hold", hold);
    Json.putIfSet(body, "holdTimeoutSeconds", holdTimeoutSeconds);
    Json.putIfSet(body, "refundOf", refundOf == null ? null : refundOf.toString());
    Json.putIfSet(body, "reference", reference);
    Json.putIfSet(body, "metadata", metadata);
    return body;
  }
}
