package com.saldo.ledger.transfer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of stored transfers, for the API; rejected requests are not transfers. */
public interface Transfers {

  Optional<Transfer> find(TransferKey key);

  /**
   * A tenant's transfers, newest first, matching every filter that is not null, strictly after
   * (older than) the position {@code after}.
   */
  List<Transfer> list(UUID tenantId, Filter filter, Position after, int limit);

  /**
   * What a list keeps; null filters nothing. {@code pendingOnly} keeps open holds, {@code refundOf}
   * the refunds of one transfer; each is served by a partial index of its own.
   */
  record Filter(
      UUID accountId,
      String reference,
      Instant from,
      Instant to,
      boolean pendingOnly,
      UUID refundOf) {
    public Filter(UUID accountId, String reference, Instant from, Instant to) {
      this(accountId, reference, from, to, false, null);
    }
  }

  /** A place in the newest-first order: the last transfer of the previous page. */
  record Position(Instant createdAt, UUID id) {}
}
