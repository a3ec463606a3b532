package com.saldo.api;

import com.saldo.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
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
        Instant time = Instant.ofEpochMilli(Long.parseLong(parts[1]));
        // a crafted cursor gets the range checks of from and to: the database stores no other time
        if (Params.isStorable(time)) {
          return new Position(time, Params.uuid("cursor", parts[2]));
        }
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
