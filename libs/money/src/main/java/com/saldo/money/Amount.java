package com.saldo.money;

/**
 * A positive amount of money in the minor units of its currency (cents for EUR).
 *
 * <p>The upper bound, 10^15, is exact in every JSON parser and leaves room for any sum of a few
 * thousand amounts inside a {@code long}.
 */
public record Amount(long minorUnits) {

  public static final long MIN = 1;
  public static final long MAX = 1_000_000_000_000_000L;

  public Amount {
    if (!isValid(minorUnits)) {
      throw new IllegalArgumentException("amount must be within " + MIN + ".." + MAX);
    }
  }

  public static boolean isValid(long minorUnits) {
    return minorUnits >= MIN && minorUnits <= MAX;
  }

  public static Amount of(long minorUnits) {
    return new Amount(minorUnits);
  }
}
