package com.saldo.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id of a request: the client's {@code X-Request-Id} when it is a sane token, else a
 * new one. It is the {@code traceId} of every problem and is echoed on every response.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";
  static final String ATTRIBUTE = RequestIds.class.getName();
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:/+=-]{1,128}");

  private RequestIds() {}

  public static String of(HttpServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    if (id instanceof String s) {
      return s;
    }
    String chosen = choose(request.getHeader(HEADER));
    request.setAttribute(ATTRIBUTE, chosen);
    return chosen;
  }

  static String choose(String offered) {
    return offered != null && SANE.matcher(offered).matches() ? offered : newId();
  }

  /**
   * A random version-4 UUID from a fast generator: a request id names a request in logs and
   * problems and guards nothing, so it needs no {@code SecureRandom} (which costs a lock and a read
   * of the kernel's pool per id).
   */
  static String newId() {
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
