package com.saldo.problem;

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
    String text = list + ":" + epochMilli + ":" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The position in {@code cursor}, or null when there is no cursor. */
  public static Position decode(String list, String cursor) {
    if (cursor == null) {
      return null;
    }
    try {
      if (cursor.length() <= 200) {
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        String[] parts = text.split(":", -1);
        if (parts.length == 3 && parts[0].equals(list)) {
          return new Position(
              Instant.ofEpochMilli(Long.parseLong(parts[1])), Params.uuid("cursor", parts[2]));
        }
      }
    } catch (IllegalArgumentException | java.time.DateTimeException | ProblemException e) {
      // answered below
    }
    throw ProblemException.invalid("cursor", "is not a cursor of this list");
  }

  public record Position(Instant time, UUID id) {}
}
