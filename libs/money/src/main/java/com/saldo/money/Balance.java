package com.saldo.money;

/**
 * Bounds of a balance: every balance stays within +-(2^53 - 1), the integers that a JSON number
 * carries exactly.
 */
public final class Balance {

  public static final long MAX = (1L << 53) - 1;
  public static final long MIN = -MAX;

  private Balance() {}

  public static boolean isValid(long minorUnits) {
    return minorUnits >= MIN && minorUnits <= MAX;
  }
}
