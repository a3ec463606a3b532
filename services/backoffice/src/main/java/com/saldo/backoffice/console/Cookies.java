package com.saldo.backoffice.console;

import java.time.Duration;

/** The console's cookies: HttpOnly, SameSite=Strict, scoped to {@code /console}. */
final class Cookies {

  private Cookies() {}

  static String set(String name, String value, Duration maxAge, boolean secure) {
    return name
        + "="
        + value
        + "; Path=/console; Max-Age="
        + maxAge.toSeconds()
        + "; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "");
  }

  static String clear(String name, boolean secure) {
    return set(name, "", Duration.ZERO, secure);
  }
}
