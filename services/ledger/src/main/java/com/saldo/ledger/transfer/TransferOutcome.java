package com.saldo.ledger.transfer;

/** What became of one transfer of a command. */
public sealed interface TransferOutcome {

  /** A new transfer, committed (201). */
  record Created(Transfer transfer) implements TransferOutcome {}

  /** A hold captured, voided or expired now (200). */
  record Changed(Transfer transfer) implements TransferOutcome {}

  /** The same request again: nothing applied twice, the stored transfer (200). */
  record Replayed(Transfer transfer) implements TransferOutcome {}

  record Rejected(Rejection reason, String detail) implements TransferOutcome {}
}
