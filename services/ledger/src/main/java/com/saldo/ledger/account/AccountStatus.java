package com.saldo.ledger.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Active accounts take everything; frozen ones only credits; closed ones nothing, for good. */
public enum AccountStatus {
  ACTIVE,
  FROZEN,
  CLOSED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AccountStatus> parse(String wire) {
    return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
  }
}
