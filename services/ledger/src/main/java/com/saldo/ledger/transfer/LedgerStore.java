package com.saldo.ledger.transfer;

import com.saldo.ledger.account.Account;
import com.saldo.ledger.account.AccountKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;

/**
 * Where the write engine keeps the ledger. One {@link #inTransaction} call is one database
 * transaction: all of its writes commit together or not at all.
 *
 * <p>Failures: {@code StoreConflictException} when the transaction lost a race and may be run again
 * as a whole, {@code StoreUnavailableException} when the store cannot be reached.
 */
public interface LedgerStore {

  <T> T inTransaction(Function<Session, T> work);

  /** Holds still pending whose expiry time is at or before {@code now}. */
  List<TransferKey> expiredHolds(Instant now, int limit);

  interface Session {

    /** The records stored under these keys; keys with nothing stored are absent. */
    Map<TransferKey, Recorded> findTransfers(Set<TransferKey> keys);

    /**
     * Locks these accounts until the transaction ends, in ascending key order, and returns those
     * that exist.
     */
    Map<AccountKey, Account> lockAccounts(SortedSet<AccountKey> keys);

    /**
     * {@link #findTransfers} then {@link #lockAccounts}, for a batch in which nothing found decides
     * which accounts to lock; a store may send both in one round trip.
     */
    default FoundAndLocked findAndLock(Set<TransferKey> keys, SortedSet<AccountKey> accounts) {
      return new FoundAndLocked(findTransfers(keys), lockAccounts(accounts));
    }

    void write(Changes changes);
  }

  /** What {@link Session#findAndLock} found and locked. */
  record FoundAndLocked(Map<TransferKey, Recorded> found, Map<AccountKey, Account> locked) {}
}
