package com.saldo.ledger.transfer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a transfer stands. Only a pending hold ever changes its status. */
public enum TransferStatus {
  POSTED,
  PENDING,
  VOIDED,
  EXPIRED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<TransferStatus> parse(String wire) {
    return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
  }
}
