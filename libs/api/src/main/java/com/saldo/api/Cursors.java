package com.saldo.problem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Opaque page cursors: the position of the last item of a page, base64url-encoded with a prefix
 * that says which list it belongs to. Anything else is answered 400 {@code validation_failed}.
 */
public final class Cursors {

  private Cursors() {}

  public static String encode(String list, long epochMilli, UUID id) {
    return text(list + ":" + epochMilli + ":" + id);
  }

  /** A cursor that holds a positive number, such as the last entry number of a page. */
  public static String encode(String list, long number) {
    return text(list + ":" + number);
  }

  /** The position in {@code cursor}, or null when there is no cursor. */
  public static Position decode(String list, String cursor) {
    if (cursor == null) {
      return null;
    }
    try {
      String[] parts = parts(list, cursor, 3);
      if (parts != null) {
        return new Position(
            Instant.ofEpochMilli(Long.parseLong(parts[1])), Params.uuid("cursor", parts[2]));
      }
    } catch (IllegalArgumentException | java.time.DateTimeException | ProblemException e) {
      // answered below
    }
    throw invalid();
  }

  /** The positive number in {@code cursor}, or null when there is no cursor. */
  public static Long decodeNumber(String list, String cursor) {
    if (cursor == null) {
      return null;
    }
    try {
      String[] parts = cursor.length() <= 40 ? parts(list, cursor, 2) : null;
      if (parts != null && Long.parseLong(parts[1]) >= 1) {
        return Long.parseLong(parts[1]);
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw invalid();
  }

  /**
   * The SQL condition that keeps what comes after a position in a list ordered by ({@code time},
   * {@code id}), oldest or newest first; its arguments are {@link #keysetArgs}. It leads with the
   * plain bound on {@code time}, which limits an index scan on (..., time, id): PostgreSQL cannot
   * seek on the OR alone (every page then read all the rows before it again), and the row
   * comparison {@code (time, id) > (?, ?)} that would say it at once is what Spanner lacks.
   */
  public static String keysetCondition(String time, String id, boolean newestFirst) {
    return "%1$s %2$s= ? AND (%1$s %2$s ? OR (%1$s = ? AND %3$s %2$s ?))"
        .formatted(time, newestFirst ? "<" : ">", id);
  }

  /** The arguments of {@link #keysetCondition}: the position's time three times, then its id. */
  public static List<Object> keysetArgs(Object time, UUID id) {
    return List.of(time, time, time, id);
  }

  private static String text(String plain) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor's parts when it is of this list and has {@code count} parts, else null. */
  private static String[] parts(String list, String cursor, int count) {
    if (cursor.length() > 200) {
      return null;
    }
    String[] parts =
        new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", -1);
    return parts.length == count && parts[0].equals(list) ? parts : null;
  }

  private static ProblemException invalid() {
    return ProblemException.invalid("cursor", "is not a cursor of this list");
  }

  public record Position(Instant time, UUID id) {}
}
