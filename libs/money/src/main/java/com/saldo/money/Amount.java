package com.saldo.money;

/**
 * Bounds of an amount: positive, in the minor units of its currency (cents for EUR), at most 10^15.
 *
 * <p>The upper bound is exact in every JSON parser and leaves room for any sum of a few thousand
 * amounts inside a {@code long}. Amounts travel as {@code long}; this class only says which ones
 * are valid (docs/decisions/0008-money-at-the-edge.md).
 */
public final class Amount {

  public static final long MIN = 1;
  public static final long MAX = 1_000_000_000_000_000L;

  private Amount() {}

  public static boolean isValid(long minorUnits) {
    return minorUnits >= MIN && minorUnits <= MAX;
  }
}
