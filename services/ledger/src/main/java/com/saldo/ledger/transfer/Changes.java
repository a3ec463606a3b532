package com.saldo.ledger.transfer;

import com.saldo.ledger.account.Account;
import java.util.List;

/**
 * Everything one batch writes: new records (transfers and rejections), transfers whose state
 * changed, accounts with their new totals, entries and events.
 */
public record Changes(
    List<Recorded> inserted,
    List<Transfer> updated,
    List<Account> accounts,
    List<Entry> entries,
    List<TransferEvent> events) {

  public boolean isEmpty() {
    return inserted.isEmpty() && updated.isEmpty() && accounts.isEmpty();
  }

  /** New holds that are still pending when the batch commits. */
  public List<Transfer> holdsOpened() {
    return inserted.stream()
        .filter(r -> r instanceof Transfer t && t.status() == TransferStatus.PENDING)
        .map(Transfer.class::cast)
        .toList();
  }

  /** Holds stored before this batch that it captured, voided or expired. */
  public List<Transfer> holdsClosed() {
    return updated.stream()
        .filter(t -> t.isHold() && t.status() != TransferStatus.PENDING)
        .toList();
  }
}
