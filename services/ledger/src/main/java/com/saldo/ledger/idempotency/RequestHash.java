package com.saldo.ledger.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a request's fields, each length-prefixed so that no two different field lists
 * share an encoding. Two requests under one id are the same request exactly when their hashes are
 * equal.
 */
public final class RequestHash {

  private RequestHash() {}

  public static String of(Object... fields) {
    MessageDigest digest = sha256();
    for (Object field : fields) {
      byte[] bytes = String.valueOf(field).getBytes(StandardCharsets.UTF_8);
      digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
      digest.update((byte) ':');
      digest.update(bytes);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
