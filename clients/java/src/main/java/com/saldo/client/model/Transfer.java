package com.saldo.client.model;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A transfer as Saldo shows it.
 *
 * @param id the transfer's id, its idempotency key
 * @param debitAccountId the account the amount left
 * @param creditAccountId the account the amount reached
 * @param amount in minor units
 * @param currency ISO 4217
 * @param kind {@code payment}, {@code top_up}, {@code refund}, {@code transfer} or {@code
 *     adjustment}
 * @param status {@code posted}, {@code pending} (an open hold), {@code voided} or {@code expired}
 * @param capturedAmount what a captured hold took, else null
 * @param refundOf the transfer a refund reverses, else null
 * @param refundedAmount what refunds of this transfer returned so far, else null
 * @param holdExpiresAt when an open hold voids itself, else null
 * @param reference the tenant's reference, such as a receipt number, or null
 * @param metadata the tenant's own data
 * @param createdAt when it was applied
 */
public record Transfer(
    UUID id,
    UUID debitAccountId,
    UUID creditAccountId,
    long amount,
    String currency,
    String kind,
    String status,
    Long capturedAmount,
    UUID refundOf,
    Long refundedAmount,
    Instant holdExpiresAt,
    String reference,
    Map<String, Object> metadata,
    Instant createdAt) {

  /** Whether this is a hold not yet captured, voided or expired. */
  public boolean pending() {
    return "pending".equals(status);
  }
}
