package com.saldo.client.model;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An account as Saldo shows it. Amounts are integers in the currency's minor units.
 *
 * @param id the account's id
 * @param currency its ISO 4217 currency
 * @param externalRef the tenant's own reference (a loyalty card number), unique per tenant, or null
 * @param status {@code active}, {@code frozen} or {@code closed}
 * @param minBalance the least available balance a debit may leave, or null for unbounded
 * @param maxBalance the most a credit may raise the balance to, or null for unbounded
 * @param balance posted, held and available
 * @param debitsPosted the sum of posted debits
 * @param creditsPosted the sum of posted credits
 * @param debitsPending the sum of open holds on the debit side
 * @param creditsPending the sum of open holds on the credit side
 * @param metadata the tenant's own data
 * @param createdAt when it was opened
 * @param version rises by one with every change
 */
public record Account(
    UUID id,
    String currency,
    String externalRef,
    String status,
    Long minBalance,
    Long maxBalance,
    Balance balance,
    long debitsPosted,
    long creditsPosted,
    long debitsPending,
    long creditsPending,
    Map<String, Object> metadata,
    Instant createdAt,
    long version) {}
