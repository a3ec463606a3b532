package com.saldo.backoffice.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What the templates call to show values: money in major units, times in UTC. */
public final class Formats {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter INPUT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);

  public String money(long minorUnits, String currency) {
    return Money.format(minorUnits, currency);
  }

  /** A signed amount, with its sign always shown: +12.50 EUR, -3.00 EUR. */
  public String signed(long minorUnits, String currency) {
    return (minorUnits > 0 ? "+" : "") + Money.format(minorUnits, currency);
  }

  public String plain(long minorUnits, String currency) {
    return Money.plain(minorUnits, currency);
  }

  public String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  /** The value of a {@code datetime-local} field, in UTC. */
  public String input(Instant instant) {
    return instant == null ? "" : INPUT.format(instant);
  }
}
