package com.saldo.ledger.json;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.saldo.api.Times;
import com.saldo.ledger.account.Account;

/** An account as the API shows it. */
public record AccountView(
    String id,
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
    @JsonRawValue String metadata,
    String createdAt,
    long version) {

  public record Balance(long posted, long held, long available) {}

  public static AccountView of(Account a) {
    return new AccountView(
        a.id().toString(),
        a.currency(),
        a.externalRef(),
        a.status().wire(),
        a.minBalance(),
        a.maxBalance(),
        new Balance(a.posted(), a.held(), a.available()),
        a.debitsPosted(),
        a.creditsPosted(),
        a.debitsPending(),
        a.creditsPending(),
        a.metadata(),
        Times.format(a.createdAt()),
        a.version());
  }
}
