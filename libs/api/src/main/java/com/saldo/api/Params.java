package com.saldo.api;

import com.saldo.problem.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Parses query and path parameters into values, answering 400 for anything malformed. */
public final class Params {

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Params() {}

  public static UUID uuid(String name, String value) {
    if (value == null || !UUID_TEXT.matcher(value).matches()) {
      throw ProblemException.invalid(name, "must be a UUID");
    }
    return UUID.fromString(value);
  }

  public static UUID optionalUuid(String name, String value) {
    return value == null ? null : uuid(name, value);
  }

  public static int limit(String value, int defaultSize, int max) {
    if (value == null) {
      return defaultSize;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemException.invalid("limit", "must be an integer within 1.." + max);
  }

  /** The earliest and latest time the API takes: the years 1 to 9999, as the database does. */
  public static final Instant TIME_MIN = Instant.parse("0001-01-01T00:00:00Z");

  public static final Instant TIME_MAX = Instant.parse("9999-12-31T23:59:59.999Z");

  /** Whether the database can store {@code time}: within {@link #TIME_MIN}..{@link #TIME_MAX}. */
  public static boolean isStorable(Instant time) {
    return !time.isBefore(TIME_MIN) && !time.isAfter(TIME_MAX);
  }

  public static Instant time(String name, String value) {
    if (value == null) {
      return null;
    }
    try {
      if (value.length() <= 40) {
        Instant time = OffsetDateTime.parse(value).toInstant();
        if (isStorable(time)) {
          return time;
        }
      }
    } catch (DateTimeParseException e) {
      // answered below
    }
    throw ProblemException.invalid(name, "must be an RFC 3339 time such as 2026-11-28T10:15:30Z");
  }

  public static String text(String name, String value, int lengthMax) {
    if (value == null) {
      return null;
    }
    if (value.codePointCount(0, value.length()) > lengthMax || !Fields.isStorableText(value)) {
      throw ProblemException.invalid(name, "must be at most " + lengthMax + " characters");
    }
    return value;
  }
}
