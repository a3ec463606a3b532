package com.saldo.ledger.account;

import java.time.Clock;

/** Opens an account, idempotently under its id. */
public final class OpenAccount {

  private final Accounts accounts;
  private final Clock clock;

  public OpenAccount(Accounts accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
  }

  public AccountOutcome open(NewAccount request) {
    return switch (accounts.insert(request, clock.instant())) {
      case Accounts.Insertion.Inserted(Account account) -> new AccountOutcome.Done(account);
      case Accounts.Insertion.IdTaken(Account existing) ->
          existing.requestHash().equals(request.requestHash())
              ? new AccountOutcome.Unchanged(existing)
              : new AccountOutcome.Rejected(AccountRejection.ID_CONFLICT);
      case Accounts.Insertion.ExternalRefTaken() ->
          new AccountOutcome.Rejected(AccountRejection.EXTERNAL_REF_TAKEN);
    };
  }
}
