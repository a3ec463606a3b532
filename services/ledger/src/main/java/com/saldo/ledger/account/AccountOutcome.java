package com.saldo.ledger.account;

/** What became of an account request. */
public sealed interface AccountOutcome {

  /** Opened now (201), or changed now (200). */
  record Done(Account account) implements AccountOutcome {}

  /** The same request again, or a change that changes nothing: 200 with the stored account. */
  record Unchanged(Account account) implements AccountOutcome {}

  record Rejected(AccountRejection reason) implements AccountOutcome {}
}
