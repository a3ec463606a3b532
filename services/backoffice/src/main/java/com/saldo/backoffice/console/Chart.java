package com.saldo.backoffice.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The posted balance over a range, drawn as an SVG step line from the balance at evenly spaced
 * times ({@code GET /v1/accounts/{id}/balances}, one index lookup per point in the query service):
 * the same cost for an account with ten entries as for one with a million, which walking the
 * entries would not be.
 */
public record Chart(
    String range, Instant from, Instant to, List<Point> points, long min, long max, String line) {

  public static final int WIDTH = 640;
  public static final int HEIGHT = 200;
  static final int POINTS = 32;

  /** One sampled balance. */
  public record Point(Instant at, long posted) {}

  /** The ranges the page offers. */
  public enum Range {
    DAY("1d", Duration.ofDays(1)),
    WEEK("7d", Duration.ofDays(7)),
    MONTH("30d", Duration.ofDays(30)),
    QUARTER("90d", Duration.ofDays(90)),
    YEAR("1y", Duration.ofDays(365));

    private final String wire;
    private final Duration length;

    Range(String wire, Duration length) {
      this.wire = wire;
      this.length = length;
    }

    public String wire() {
      return wire;
    }

    public Duration length() {
      return length;
    }

    static Range parse(String text) {
      for (Range r : values()) {
        if (r.wire.equals(text)) {
          return r;
        }
      }
      return MONTH;
    }
  }

  /** The times a chart covers. */
  record Span(Instant from, Instant to) {}

  /** From {@code to - range} (or from the account's opening, when that is later) to {@code to}. */
  static Span span(Range range, Instant opened, Instant to) {
    Instant from = to.minus(range.length());
    if (opened.isAfter(from) && opened.isBefore(to)) {
      from = opened;
    }
    return new Span(from, to);
  }

  static Chart of(Range range, List<Point> points) {
    long min = 0;
    long max = 0;
    for (Point p : points) {
      min = Math.min(min, p.posted());
      max = Math.max(max, p.posted());
    }
    long span = Math.max(1, max - min);
    StringBuilder line = new StringBuilder();
    double previousY = 0;
    for (int i = 0; i < points.size(); i++) {
      double x = (double) WIDTH * i / (points.size() - 1);
      double y = HEIGHT - (double) HEIGHT * (points.get(i).posted() - min) / span;
      if (i > 0) {
        line.append(format(x)).append(',').append(format(previousY)).append(' ');
      }
      line.append(format(x)).append(',').append(format(y)).append(' ');
      previousY = y;
    }
    return new Chart(
        range.wire(),
        points.getFirst().at(),
        points.getLast().at(),
        List.copyOf(points),
        min,
        max,
        line.toString().strip());
  }

  /** The y of the zero line, for the axis. */
  public String zeroY() {
    long span = Math.max(1, max - min);
    return format(HEIGHT - (double) HEIGHT * (0 - min) / span);
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
