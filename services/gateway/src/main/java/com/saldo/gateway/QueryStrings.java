package com.saldo.gateway;

import com.saldo.api.StrictUtf8;
import com.saldo.problem.ProblemException;

/**
 * Checks a request's raw query string before the gateway forwards it: every character one that RFC
 * 3986 allows in a query, every {@code %} the start of two hex digits, and what the escapes decode
 * to well-formed UTF-8. Anything else is answered 400 here, for every route at once, instead of
 * reaching the URI parser of the backend request (a 500) or a backend's parameter decoding.
 */
final class QueryStrings {

  /** Longer queries are refused (Tomcat's request line is bounded too; this says why). */
  static final int LENGTH_MAX = 4096;

  private QueryStrings() {}

  /** The query as it was sent, or null when there is none; a 400 when it is malformed. */
  static String checked(String query) {
    if (query == null) {
      return null;
    }
    if (query.length() > LENGTH_MAX) {
      throw invalid("must be at most " + LENGTH_MAX + " characters");
    }
    byte[] decoded = new byte[query.length()];
    int length = 0;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '%') {
        int high = i + 2 < query.length() ? Character.digit(query.charAt(i + 1), 16) : -1;
        int low = high >= 0 ? Character.digit(query.charAt(i + 2), 16) : -1;
        if (low < 0) {
          throw invalid("has a % that is not followed by two hex digits");
        }
        decoded[length++] = (byte) (high << 4 | low);
        i += 2;
      } else if (allowed(c)) {
        decoded[length++] = (byte) c;
      } else {
        throw invalid("has a character that must be percent-encoded");
      }
    }
    if (StrictUtf8.decode(decoded, length) == null) {
      throw invalid("does not decode to UTF-8");
    }
    return query;
  }

  /** RFC 3986 {@code query}: unreserved, sub-delims, ":", "@", "/" and "?". */
  private static boolean allowed(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
  }

  private static ProblemException invalid(String message) {
    return ProblemException.invalid("query", message);
  }
}
