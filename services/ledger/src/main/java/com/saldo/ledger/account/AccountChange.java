package com.saldo.ledger.account;

/**
 * A change of an account's settings. A null {@code status} or {@code metadata} keeps the current
 * value; a bound changes only when its {@code ...Given} flag is set (and may change to null,
 * unbounded).
 */
public record AccountChange(
    AccountStatus status,
    boolean minBalanceGiven,
    Long minBalance,
    boolean maxBalanceGiven,
    Long maxBalance,
    String metadata) {}
