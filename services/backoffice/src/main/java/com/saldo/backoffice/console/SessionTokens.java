package com.saldo.backoffice.console;

import com.saldo.backoffice.key.KeySecrets;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The format of console sessions: {@code sk_session_<session id as 32 hex digits>_<43 base64url
 * characters>}, 256 random bits after the id, like an API key and told apart from one by its
 * prefix. A session is a credential: the gateway takes it as a Bearer like any key, so the console
 * reaches the API through the same door, scopes and rate limits as any caller.
 */
public final class SessionTokens {

  public static final String PREFIX = "sk_session_";
  private static final Pattern FORMAT = KeySecrets.format(PREFIX);

  private SessionTokens() {}

  static String newToken(UUID id) {
    return KeySecrets.newSecret(PREFIX, id);
  }

  /** The session id of a token in this format; empty for any other string. */
  public static Optional<UUID> idOf(String token) {
    return KeySecrets.idOf(FORMAT, token);
  }

  /**
   * The session's CSRF token: derived from its secret, so nothing more is stored, and unknowable to
   * a page that cannot read the HttpOnly cookie.
   */
  static String csrf(String token) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(KeySecrets.hash("saldo-console-csrf:" + token));
  }

  static byte[] hash(String token) {
    return KeySecrets.hash(token);
  }

  static boolean sameText(String a, String b) {
    return a != null
        && b != null
        && java.security.MessageDigest.isEqual(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
