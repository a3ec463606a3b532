package com.saldo.ledger.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes an account's status, bounds or metadata. Closing needs an empty account; a closed account
 * never changes again; new bounds must hold for the current balances.
 */
public final class ChangeAccount {

  private final Accounts accounts;
  private final Clock clock;

  public ChangeAccount(Accounts accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
  }

  public AccountOutcome change(AccountKey key, AccountChange change) {
    Instant now = clock.instant();
    return accounts.change(key, current -> decide(current, change, now), now);
  }

  static AccountOutcome decide(Optional<Account> current, AccountChange change, Instant now) {
    if (current.isEmpty()) {
      return new AccountOutcome.Rejected(AccountRejection.ACCOUNT_NOT_FOUND);
    }
    Account account = current.get();
    AccountStatus status = change.status() == null ? account.status() : change.status();
    Long min = change.minBalanceGiven() ? change.minBalance() : account.minBalance();
    Long max = change.maxBalanceGiven() ? change.maxBalance() : account.maxBalance();
    String metadata = change.metadata() == null ? account.metadata() : change.metadata();
    boolean same =
        status == account.status()
            && Objects.equals(min, account.minBalance())
            && Objects.equals(max, account.maxBalance())
            && metadata.equals(account.metadata());
    if (same) {
      return new AccountOutcome.Unchanged(account);
    }
    if (account.status() == AccountStatus.CLOSED) {
      return new AccountOutcome.Rejected(AccountRejection.ACCOUNT_CLOSED);
    }
    if (status == AccountStatus.CLOSED && !account.isEmpty()) {
      return new AccountOutcome.Rejected(AccountRejection.ACCOUNT_NOT_EMPTY);
    }
    if (min != null && max != null && min > max) {
      return new AccountOutcome.Rejected(AccountRejection.INVALID_BOUNDS);
    }
    Account changed = account.withSettings(status, min, max, metadata, now);
    if (changed.available() < changed.availableMin()) {
      return new AccountOutcome.Rejected(AccountRejection.INSUFFICIENT_FUNDS);
    }
    if (changed.creditExposure() > changed.exposureMax()) {
      return new AccountOutcome.Rejected(AccountRejection.BALANCE_LIMIT_EXCEEDED);
    }
    return new AccountOutcome.Done(changed);
  }
}
