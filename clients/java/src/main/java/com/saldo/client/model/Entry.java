package com.saldo.client.model;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of an account's history.
 *
 * @param transferId the transfer that wrote it
 * @param amount signed: positive for a credit, negative for a debit
 * @param balanceAfter the posted balance just after it
 * @param kind the transfer's kind
 * @param reference the transfer's reference, or null
 * @param createdAt when the transfer was applied
 * @param seq the entry's place in the account's history
 */
public record Entry(
    UUID transferId,
    long amount,
    long balanceAfter,
    String kind,
    String reference,
    Instant createdAt,
    long seq) {}
