package com.saldo.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** A permission a credential carries, spelled on the wire as in the API contract. */
public enum Scope {
  ACCOUNTS_READ("accounts:read"),
  ACCOUNTS_WRITE("accounts:write"),
  TRANSFERS_READ("transfers:read"),
  TRANSFERS_WRITE("transfers:write"),
  WEBHOOKS_MANAGE("webhooks:manage"),
  KEYS_MANAGE("keys:manage"),
  OPERATOR("operator"),
  /** Saldo's own services calling each other (the gateway asking backoffice about a key). */
  INTERNAL("internal");

  private final String wire;

  Scope(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<Scope> parse(String text) {
    return Arrays.stream(values()).filter(s -> s.wire.equals(text)).findFirst();
  }

  /** Every scope a tenant's credential may hold. */
  public static Set<Scope> tenantScopes() {
    return EnumSet.of(
        ACCOUNTS_READ,
        ACCOUNTS_WRITE,
        TRANSFERS_READ,
        TRANSFERS_WRITE,
        WEBHOOKS_MANAGE,
        KEYS_MANAGE);
  }
}
