package com.saldo.client.model;

/**
 * A balance bound to set: a limit in minor units, or none at all. Leaving a bound out of a request
 * (null) keeps the default or the current value; {@link #none()} removes the limit.
 *
 * @param limit the limit, or null for unbounded
 */
public record Bound(Long limit) {

  private static final Bound NONE = new Bound(null);

  /** A limit of {@code minorUnits}. */
  public static Bound of(long minorUnits) {
    return new Bound(minorUnits);
  }

  /** No limit: a system account such as a funding account has no lower bound. */
  public static Bound none() {
    return NONE;
  }
}
