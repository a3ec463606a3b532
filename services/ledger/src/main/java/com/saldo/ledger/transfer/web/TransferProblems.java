package com.saldo.ledger.transfer.web;

import com.saldo.ledger.transfer.Rejection;
import com.saldo.problem.FieldViolation;
import com.saldo.problem.Problem;
import com.saldo.problem.ProblemException;
import java.util.List;

/**
 * The problem of every rejection. The switch has no default: a new rejection does not compile until
 * it has a status and a title here (and a page in docs/problems).
 */
final class TransferProblems {

  private TransferProblems() {}

  static int status(Rejection reason) {
    return switch (reason) {
      case ACCOUNT_NOT_FOUND, TRANSFER_NOT_FOUND -> 404;
      case ID_CONFLICT -> 409;
      case CURRENCY_MISMATCH,
          SAME_ACCOUNT,
          ACCOUNT_CLOSED,
          ACCOUNT_FROZEN,
          REFUND_MISMATCH,
          REFUND_EXCEEDS_ORIGINAL,
          INSUFFICIENT_FUNDS,
          BALANCE_LIMIT_EXCEEDED,
          HOLD_NOT_PENDING,
          CAPTURE_EXCEEDS_HOLD,
          BATCH_ABORTED ->
          422;
    };
  }

  static String title(Rejection reason) {
    return switch (reason) {
      case ACCOUNT_NOT_FOUND -> "Account not found";
      case CURRENCY_MISMATCH -> "Currency mismatch";
      case SAME_ACCOUNT -> "Same account on both sides";
      case ACCOUNT_CLOSED -> "Account closed";
      case ACCOUNT_FROZEN -> "Account frozen";
      case REFUND_MISMATCH -> "Refund does not match its original";
      case REFUND_EXCEEDS_ORIGINAL -> "Refund exceeds original";
      case INSUFFICIENT_FUNDS -> "Insufficient funds";
      case BALANCE_LIMIT_EXCEEDED -> "Balance limit exceeded";
      case ID_CONFLICT -> "Id used for another request";
      case TRANSFER_NOT_FOUND -> "Transfer not found";
      case HOLD_NOT_PENDING -> "Hold not pending";
      case CAPTURE_EXCEEDS_HOLD -> "Capture exceeds hold";
      case BATCH_ABORTED -> "Atomic batch aborted";
    };
  }

  static ProblemException of(Rejection reason, String detail) {
    return new ProblemException(
        Problem.of(
            status(reason), reason.code(), title(reason), detail, List.<FieldViolation>of()));
  }
}
