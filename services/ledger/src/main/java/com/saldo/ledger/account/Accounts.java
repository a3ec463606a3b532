package com.saldo.ledger.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Where accounts are kept. Every write also records its event, in the same transaction. */
public interface Accounts {

  /** What storing a new account found. */
  sealed interface Insertion {
    record Inserted(Account account) implements Insertion {}

    record IdTaken(Account existing) implements Insertion {}

    record ExternalRefTaken() implements Insertion {}
  }

  Insertion insert(NewAccount account, Instant now);

  Optional<Account> find(AccountKey key);

  /** Accounts of a tenant in ascending id order after {@code after} (null: from the start). */
  List<Account> list(
      UUID tenantId, String externalRef, MetadataMatch metadata, UUID after, int limit);

  /**
   * Accounts whose metadata holds {@code key} with a value equal to {@code value}: the text itself,
   * or the number or boolean it spells.
   */
  record MetadataMatch(String key, String value) {}

  /**
   * Locks the account, lets {@code decide} choose the outcome from its current state (empty when it
   * does not exist), and stores the account of a {@link AccountOutcome.Done} outcome.
   */
  AccountOutcome change(
      AccountKey key, Function<Optional<Account>, AccountOutcome> decide, Instant now);
}
