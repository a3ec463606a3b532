package com.saldo.ledger.transfer;

import java.util.List;

/** A change the write engine applies, in one database transaction with others. */
public sealed interface Command {

  /** How many transfers this command touches: what a batch of the engine is limited by. */
  int size();

  /**
   * New transfers; one outcome each, in order. Atomic: all or none; on the first rejection every
   * other transfer answers {@link Rejection#BATCH_ABORTED} and nothing is stored.
   */
  record SubmitTransfers(List<TransferRequest> requests, boolean atomic) implements Command {
    public SubmitTransfers {
      requests = List.copyOf(requests);
    }

    @Override
    public int size() {
      return requests.size();
    }
  }

  /** Captures {@code amount} of a hold (null: all of it) and releases the rest. */
  record CaptureHold(TransferKey hold, Long amount) implements Command {
    @Override
    public int size() {
      return 1;
    }
  }

  record VoidHold(TransferKey hold) implements Command {
    @Override
    public int size() {
      return 1;
    }
  }

  /** Releases a hold whose time is up; does nothing to a hold that is not pending or not due. */
  record ExpireHold(TransferKey hold) implements Command {
    @Override
    public int size() {
      return 1;
    }
  }
}
