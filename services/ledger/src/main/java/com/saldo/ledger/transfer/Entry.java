package com.saldo.ledger.transfer;

import java.time.Instant;
import java.util.UUID;

/**
 * One side of a posted movement on one account: signed {@code amount} (+ credit, - debit) and the
 * account's posted balance after it. {@code seq} numbers the account's entries from 1.
 */
public record Entry(
    UUID tenantId,
    UUID accountId,
    long seq,
    UUID transferId,
    long amount,
    long balanceAfter,
    Instant createdAt) {}
