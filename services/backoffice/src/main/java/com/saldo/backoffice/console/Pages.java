package com.saldo.backoffice.console;

import com.saldo.client.error.ProblemException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.util.UriComponentsBuilder;

/** Reading a page's parameters, and where a form sends the browser afterwards. */
final class Pages {

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_.:-]{1,512}");

  private Pages() {}

  /** An id in a path: anything that is not a UUID names nothing, so it is a 404. */
  static UUID id(String text) {
    if (text == null || !UUID_TEXT.matcher(text).matches()) {
      throw ConsolePageException.notFound();
    }
    return UUID.fromString(text);
  }

  static boolean isId(String text) {
    return text != null && UUID_TEXT.matcher(text).matches();
  }

  /** A UUID a form must carry (a transfer id chosen when the page was drawn). */
  static UUID formId(String text, String what) {
    if (text == null || !UUID_TEXT.matcher(text).matches()) {
      throw ConsolePageException.badInput(what + " is missing; open the page again.");
    }
    return UUID.fromString(text);
  }

  /** A time typed in a {@code datetime-local} field (UTC) or given as RFC 3339; null if blank. */
  static Instant time(String text, String name) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.length() <= 40) {
      try {
        return text.endsWith("Z") || text.contains("+")
            ? Instant.parse(text)
            : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        // answered below
      }
    }
    throw ConsolePageException.badInput(name + " must be a time such as 2026-12-01T09:30.");
  }

  static String cursor(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    if (!CURSOR.matcher(text).matches()) {
      throw ConsolePageException.badInput("That page link is damaged.");
    }
    return text;
  }

  /**
   * What a call started in parallel answered; its own exception (a problem of the API) as it was
   * thrown, so that the page answers it as it would have answered the call made in line.
   */
  static <T> T await(java.util.concurrent.Future<T> call) {
    try {
      return call.get();
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConsolePageException(503, "Unavailable", "The page was interrupted.");
    }
  }

  /** The page at {@code path} with a note of what was done or refused. */
  static String back(String path, String key, String value) {
    return "redirect:"
        + UriComponentsBuilder.fromPath(path).queryParam(key, value).build().encode();
  }

  /** The page at {@code path}, telling the refusal's code (never its detail: URLs carry codes). */
  static String refused(String path, ProblemException e) {
    if (e.status() == 401 || e.status() == 404 || e.status() >= 500) {
      throw e;
    }
    return back(path, "refused", e.code());
  }
}
