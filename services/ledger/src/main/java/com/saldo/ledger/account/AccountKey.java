package com.saldo.ledger.account;

import java.util.Comparator;
import java.util.UUID;

/** An account's identity: ids are chosen per tenant, so the tenant is part of the key. */
public record AccountKey(UUID tenantId, UUID id) implements Comparable<AccountKey> {

  private static final Comparator<AccountKey> ORDER =
      Comparator.comparing(AccountKey::tenantId).thenComparing(AccountKey::id);

  /** The order in which accounts are locked, everywhere: no two writers ever deadlock. */
  @Override
  public int compareTo(AccountKey other) {
    return ORDER.compare(this, other);
  }
}
