package com.saldo.backoffice.console;

import com.saldo.money.Amount;
import com.saldo.money.CurrencyCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Amounts as people read and type them: the API's integer minor units shown in major units with the
 * currency's digits ({@code 1250 EUR} is {@code 12.50 EUR}), and typed major units read back,
 * refusing more digits than the currency has.
 */
public final class Money {

  private Money() {}

  public static String format(long minorUnits, String currency) {
    int digits = digits(currency);
    return BigDecimal.valueOf(minorUnits, digits).toPlainString() + " " + currency;
  }

  public static String plain(long minorUnits, String currency) {
    return BigDecimal.valueOf(minorUnits, digits(currency)).toPlainString();
  }

  /** Typed major units as a positive amount in minor units; empty when it is not one. */
  public static Optional<Long> parse(String text, String currency) {
    if (text == null || text.length() > 32) {
      return Optional.empty();
    }
    try {
      BigDecimal major = new BigDecimal(text.strip().replace(',', '.'));
      BigDecimal minor = major.movePointRight(digits(currency));
      if (minor.stripTrailingZeros().scale() > 0) {
        return Optional.empty();
      }
      long units = minor.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
      return Amount.isValid(units) ? Optional.of(units) : Optional.empty();
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static int digits(String currency) {
    return CurrencyCode.isValid(currency) ? CurrencyCode.of(currency).minorDigits() : 2;
  }
}
