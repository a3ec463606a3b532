package com.saldo.money;

import java.util.Currency;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** An ISO 4217 alphabetic currency code that the JDK knows, such as {@code EUR}. */
public record CurrencyCode(String code) {

  private static final Pattern SHAPE = Pattern.compile("[A-Z]{3}");
  private static final Set<String> KNOWN =
      Currency.getAvailableCurrencies().stream()
          .map(Currency::getCurrencyCode)
          .collect(Collectors.toUnmodifiableSet());

  public CurrencyCode {
    if (!isValid(code)) {
      throw new IllegalArgumentException("not an ISO 4217 currency code");
    }
  }

  public static boolean isValid(String code) {
    return code != null && SHAPE.matcher(code).matches() && KNOWN.contains(code);
  }

  public static CurrencyCode of(String code) {
    return new CurrencyCode(code);
  }

  /** Digits after the decimal point (2 for EUR, 0 for JPY); 0 where ISO 4217 defines none. */
  public int minorDigits() {
    return Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
  }

  @Override
  public String toString() {
    return code;
  }
}
