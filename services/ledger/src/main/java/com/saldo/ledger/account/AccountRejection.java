package com.saldo.ledger.account;

/** Why an account request is refused. The web layer maps each to its status and problem. */
public enum AccountRejection {
  ID_CONFLICT,
  EXTERNAL_REF_TAKEN,
  ACCOUNT_NOT_FOUND,
  ACCOUNT_CLOSED,
  ACCOUNT_NOT_EMPTY,
  INVALID_BOUNDS,
  INSUFFICIENT_FUNDS,
  BALANCE_LIMIT_EXCEEDED
}
