package com.saldo.ledger.transfer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a transfer is for. Only refunds follow rules of their own. */
public enum TransferKind {
  PAYMENT,
  TOP_UP,
  REFUND,
  TRANSFER,
  ADJUSTMENT;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<TransferKind> parse(String wire) {
    return Arrays.stream(values()).filter(k -> k.wire().equals(wire)).findFirst();
  }
}
