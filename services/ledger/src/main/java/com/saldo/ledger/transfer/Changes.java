package com.saldo.ledger.transfer;

import com.saldo.ledger.account.Account;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

  /**
   * Holds stored before this batch that it captured, voided or expired: those with such an event in
   * the batch. A hold closed earlier and changed again (a refund of a captured hold) is not one.
   */
  public List<Transfer> holdsClosed() {
    Set<TransferKey> closing = new HashSet<>();
    for (TransferEvent e : events) {
      if (CLOSING.contains(e.type())) {
        closing.add(e.transfer().key());
      }
    }
    return updated.stream().filter(t -> closing.contains(t.key())).toList();
  }

  private static final Set<String> CLOSING =
      Set.of(TransferEvent.CAPTURED, TransferEvent.VOIDED, TransferEvent.EXPIRED);
}
