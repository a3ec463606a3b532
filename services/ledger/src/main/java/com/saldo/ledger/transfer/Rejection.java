package com.saldo.ledger.transfer;

import java.util.Locale;

/**
 * Why a transfer request is refused. The first ten are the reasons a new transfer is rejected, in
 * the order they are checked; that order is part of the API contract.
 */
public enum Rejection {
  ACCOUNT_NOT_FOUND,
  CURRENCY_MISMATCH,
  SAME_ACCOUNT,
  ACCOUNT_CLOSED,
  ACCOUNT_FROZEN,
  REFUND_MISMATCH,
  REFUND_EXCEEDS_ORIGINAL,
  INSUFFICIENT_FUNDS,
  BALANCE_LIMIT_EXCEEDED,
  /** The id was used before for another request. Never stored: a property of the request. */
  ID_CONFLICT,
  /** The hold of a capture or void does not exist (for this tenant). */
  TRANSFER_NOT_FOUND,
  HOLD_NOT_PENDING,
  CAPTURE_EXCEEDS_HOLD,
  /** Another transfer of the same atomic batch failed, so this one was not applied. */
  BATCH_ABORTED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this outcome is kept under the transfer's id, so that a retry gets it again. */
  public boolean isFinal() {
    return ordinal() <= BALANCE_LIMIT_EXCEEDED.ordinal();
  }

  public static Rejection fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
