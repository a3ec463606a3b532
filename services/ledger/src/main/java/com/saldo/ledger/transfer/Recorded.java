package com.saldo.ledger.transfer;

/** What is recorded under a transfer id: the transfer, or the rejection of its request. */
public sealed interface Recorded permits Transfer, RejectedTransfer {

  TransferKey key();

  String requestHash();
}
