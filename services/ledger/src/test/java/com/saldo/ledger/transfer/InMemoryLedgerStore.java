package com.saldo.ledger.transfer;

import com.saldo.ledger.account.Account;
import com.saldo.ledger.account.AccountKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The ledger store in memory, for fast tests of the rules and the engine. One lock serialises
 * transactions; writes are buffered and applied only when the work returns, so a failed transaction
 * leaves nothing behind, as in the database. It checks what the database's constraints check, so a
 * rule that breaks one fails the test.
 */
public final class InMemoryLedgerStore implements LedgerStore {

  private final ReentrantLock lock = new ReentrantLock();
  final Map<AccountKey, Account> accounts = new HashMap<>();
  final Map<TransferKey, Recorded> transfers = new HashMap<>();
  final List<Entry> entries = new ArrayList<>();
  final List<TransferEvent> events = new ArrayList<>();
  final Map<TransferKey, Instant> pendingHolds = new HashMap<>();
  int transactions;

  public void put(Account account) {
    lock.lock();
    try {
      accounts.put(account.key(), account);
    } finally {
      lock.unlock();
    }
  }

  public Account account(AccountKey key) {
    return accounts.get(key);
  }

  public Recorded transfer(TransferKey key) {
    return transfers.get(key);
  }

  @Override
  public <T> T inTransaction(Function<Session, T> work) {
    lock.lock();
    try {
      List<Changes> written = new ArrayList<>();
      T result =
          work.apply(
              new Session() {
                @Override
                public Map<TransferKey, Recorded> findTransfers(Set<TransferKey> keys) {
                  Map<TransferKey, Recorded> found = new HashMap<>();
                  keys.forEach(
                      k -> {
                        if (transfers.containsKey(k)) {
                          found.put(k, transfers.get(k));
                        }
                      });
                  return found;
                }

                @Override
                public Map<AccountKey, Account> lockAccounts(SortedSet<AccountKey> keys) {
                  Map<AccountKey, Account> found = new HashMap<>();
                  keys.forEach(
                      k -> {
                        if (accounts.containsKey(k)) {
                          found.put(k, accounts.get(k));
                        }
                      });
                  return found;
                }

                @Override
                public void write(Changes changes) {
                  written.add(changes);
                }
              });
      for (Changes changes : written) {
        apply(changes);
      }
      transactions++;
      return result;
    } finally {
      lock.unlock();
    }
  }

  private void apply(Changes changes) {
    for (Recorded recorded : changes.inserted()) {
      if (transfers.putIfAbsent(recorded.key(), recorded) != null) {
        throw new IllegalStateException("duplicate transfer id " + recorded.key());
      }
    }
    for (Transfer transfer : changes.updated()) {
      if (!(transfers.get(transfer.key()) instanceof Transfer)) {
        throw new IllegalStateException("update of a missing transfer " + transfer.key());
      }
      transfers.put(transfer.key(), transfer);
    }
    for (Account account : changes.accounts()) {
      Account before = accounts.get(account.key());
      check(before != null, "update of a missing account");
      check(account.debitsPosted() >= 0 && account.creditsPosted() >= 0, "negative posted total");
      check(account.debitsPending() >= 0 && account.creditsPending() >= 0, "negative pending");
      check(account.available() >= account.availableMin(), "minimum balance passed");
      check(account.creditExposure() <= account.exposureMax(), "maximum balance passed");
      check(account.version() > before.version(), "version did not rise");
      accounts.put(account.key(), account);
    }
    entries.addAll(changes.entries());
    events.addAll(changes.events());
    changes.holdsOpened().forEach(t -> pendingHolds.put(t.key(), t.holdExpiresAt()));
    changes.holdsClosed().forEach(t -> pendingHolds.remove(t.key()));
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException("constraint violated: " + message);
    }
  }

  @Override
  public List<TransferKey> expiredHolds(Instant now, int limit) {
    lock.lock();
    try {
      return pendingHolds.entrySet().stream()
          .filter(e -> !e.getValue().isAfter(now))
          .map(Map.Entry::getKey)
          .limit(limit)
          .toList();
    } finally {
      lock.unlock();
    }
  }
}
