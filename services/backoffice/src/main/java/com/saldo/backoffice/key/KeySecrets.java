package com.saldo.backoffice.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The format of API keys: {@code sk_<key id as 32 hex digits>_<43 base64url characters>}, 256
 * random bits after the public id. Only the SHA-256 of the whole key is stored: with that much
 * entropy a fast hash cannot be reversed, and it keeps the check cheap.
 */
public final class KeySecrets {

  static final String PREFIX = "sk_";
  private static final Pattern FORMAT = format(PREFIX);
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeySecrets() {}

  /** {@code prefix}, then an id as 32 hex digits, {@code _}, and 43 base64url characters. */
  public static Pattern format(String prefix) {
    return Pattern.compile(Pattern.quote(prefix) + "([0-9a-f]{32})_([A-Za-z0-9_-]{43})");
  }

  public static String newKey(UUID id) {
    return newSecret(PREFIX, id);
  }

  /** A new secret of this format: the public id, then 256 random bits. */
  public static String newSecret(String prefix, UUID id) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return prefix
        + id.toString().replace("-", "")
        + "_"
        + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** The key id of a key in Saldo's format; empty for any other string. */
  public static Optional<UUID> idOf(String key) {
    return idOf(FORMAT, key);
  }

  /** The id of a secret in the given {@link #format}; empty for any other string. */
  public static Optional<UUID> idOf(Pattern format, String key) {
    if (key == null || key.length() > 200) {
      return Optional.empty();
    }
    Matcher m = format.matcher(key);
    if (!m.matches()) {
      return Optional.empty();
    }
    String hex = m.group(1);
    return Optional.of(
        new UUID(
            HexFormat.fromHexDigitsToLong(hex, 0, 16), HexFormat.fromHexDigitsToLong(hex, 16, 32)));
  }

  public static byte[] hash(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Constant-time comparison of a presented key with a stored hash. */
  public static boolean matches(String key, byte[] storedHash) {
    return MessageDigest.isEqual(hash(key), storedHash);
  }
}
