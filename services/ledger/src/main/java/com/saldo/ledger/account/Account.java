package com.saldo.ledger.account;

import com.saldo.money.Balance;
import java.time.Instant;
import java.util.UUID;

/**
 * An account as stored: the four totals the engine keeps, the bounds, and the derived balances.
 *
 * <p>{@code entryCount} numbers the account's entries (the next entry gets {@code entryCount + 1}),
 * so history is ordered per account without any global sequence.
 */
public record Account(
    UUID tenantId,
    UUID id,
    String currency,
    String externalRef,
    AccountStatus status,
    Long minBalance,
    Long maxBalance,
    long debitsPosted,
    long creditsPosted,
    long debitsPending,
    long creditsPending,
    String metadata,
    Instant createdAt,
    Instant updatedAt,
    long version,
    long entryCount,
    String requestHash) {

  public AccountKey key() {
    return new AccountKey(tenantId, id);
  }

  /** What the customer has: credits minus debits, posted only. */
  public long posted() {
    return creditsPosted - debitsPosted;
  }

  /** Reserved by open holds. */
  public long held() {
    return debitsPending;
  }

  /** What the customer may spend. */
  public long available() {
    return posted() - held();
  }

  /** The balance the credit bound applies to: posted plus incoming holds. */
  public long creditExposure() {
    return creditsPosted + creditsPending - debitsPosted;
  }

  /** The lowest {@link #available()} allowed: the bound, never below the JSON-safe range. */
  public long availableMin() {
    return minBalance == null ? Balance.MIN : Math.max(minBalance, Balance.MIN);
  }

  /** The highest {@link #creditExposure()} allowed. */
  public long exposureMax() {
    return maxBalance == null ? Balance.MAX : Math.min(maxBalance, Balance.MAX);
  }

  public boolean isEmpty() {
    return posted() == 0 && debitsPending == 0 && creditsPending == 0;
  }

  public Account withTotals(
      long debitsPosted,
      long creditsPosted,
      long debitsPending,
      long creditsPending,
      long entryCount,
      Instant now) {
    return new Account(
        tenantId,
        id,
        currency,
        externalRef,
        status,
        minBalance,
        maxBalance,
        debitsPosted,
        creditsPosted,
        debitsPending,
        creditsPending,
        metadata,
        createdAt,
        now,
        version + 1,
        entryCount,
        requestHash);
  }

  public Account withSettings(
      AccountStatus status, Long minBalance, Long maxBalance, String metadata, Instant now) {
    return new Account(
        tenantId,
        id,
        currency,
        externalRef,
        status,
        minBalance,
        maxBalance,
        debitsPosted,
        creditsPosted,
        debitsPending,
        creditsPending,
        metadata,
        createdAt,
        now,
        version + 1,
        entryCount,
        requestHash);
  }
}
