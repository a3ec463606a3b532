package com.saldo.ledger.transfer;

import com.saldo.ledger.account.Account;
import com.saldo.ledger.account.AccountKey;
import com.saldo.ledger.transfer.Command.CaptureHold;
import com.saldo.ledger.transfer.Command.ExpireHold;
import com.saldo.ledger.transfer.Command.SubmitTransfers;
import com.saldo.ledger.transfer.Command.VoidHold;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Applies a batch of commands in one transaction: find the ids already recorded, lock every account
 * involved in ascending order, re-read the holds and refunded transfers now that their accounts are
 * locked, decide every command in memory, write everything with a few multi-row statements, commit.
 *
 * <p>Holds and refunded transfers only ever change under the locks of their two accounts, which is
 * why reading them after the locks gives their current state.
 */
public final class BatchProcessor {

  private final LedgerStore store;
  private final Clock clock;
  private final Supplier<UUID> ids;

  public BatchProcessor(LedgerStore store, Clock clock, Supplier<UUID> ids) {
    this.store = store;
    this.clock = clock;
    this.ids = ids;
  }

  /** One list of outcomes per command, in the order of the commands. */
  public List<List<TransferOutcome>> process(List<Command> commands) {
    Set<TransferKey> newIds = new HashSet<>();
    Set<TransferKey> referenced = new HashSet<>();
    SortedSet<AccountKey> accountKeys = new TreeSet<>();
    for (Command command : commands) {
      switch (command) {
        case SubmitTransfers submit -> {
          for (TransferRequest request : submit.requests()) {
            newIds.add(request.key());
            accountKeys.add(request.debitKey());
            accountKeys.add(request.creditKey());
            if (request.refundOf() != null) {
              referenced.add(request.refundOfKey());
            }
          }
        }
        case CaptureHold capture -> referenced.add(capture.hold());
        case VoidHold release -> referenced.add(release.hold());
        case ExpireHold expire -> referenced.add(expire.hold());
      }
    }
    return store.inTransaction(
        session -> {
          Set<TransferKey> lookup = new HashSet<>(newIds);
          lookup.addAll(referenced);
          Map<TransferKey, Recorded> known;
          Map<AccountKey, Account> locked;
          if (referenced.isEmpty()) {
            // only new transfers: their requests name every account to lock
            LedgerStore.FoundAndLocked both = session.findAndLock(lookup, accountKeys);
            known = new HashMap<>(both.found());
            locked = both.locked();
          } else {
            known = new HashMap<>(session.findTransfers(lookup));
            for (TransferKey key : referenced) {
              if (known.get(key) instanceof Transfer transfer) {
                accountKeys.add(new AccountKey(key.tenantId(), transfer.debitAccountId()));
                accountKeys.add(new AccountKey(key.tenantId(), transfer.creditAccountId()));
              }
            }
            locked = session.lockAccounts(accountKeys);
            known.putAll(session.findTransfers(referenced));
          }
          Book book = new Book(batchTime(locked), locked, known, ids);
          List<List<TransferOutcome>> outcomes = new ArrayList<>(commands.size());
          for (Command command : commands) {
            outcomes.add(book.apply(command));
          }
          Changes changes = book.changes();
          if (!changes.isEmpty()) {
            session.write(changes);
          }
          return outcomes;
        });
  }

  /**
   * The time of every change of the batch: the clock, but never before the last change of a locked
   * account, so each account's history is ordered in time even if clocks of replicas disagree a
   * little.
   */
  private Instant batchTime(Map<AccountKey, Account> locked) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    for (Account account : locked.values()) {
      if (account.updatedAt().isAfter(now)) {
        now = account.updatedAt();
      }
    }
    return now;
  }
}
