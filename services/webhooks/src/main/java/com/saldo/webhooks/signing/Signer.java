package com.saldo.webhooks.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures exactly as Standard Webhooks 1.0 defines them: {@code v1,} and the base64 of the
 * HMAC-SHA256 of {@code id.timestamp.body}, keyed with the secret's decoded bytes (the part after
 * {@code whsec_}). Several signatures (during a rotation) are separated by spaces.
 */
public final class Signer {

  public static final String PREFIX = "whsec_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Signer() {}

  /** A new secret: {@code whsec_} and the base64 of 32 random bytes. */
  public static String newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The key bytes of a {@code whsec_} secret. */
  public static byte[] keyOf(String secret) {
    String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
    return Base64.getDecoder().decode(encoded);
  }

  /** One signature: {@code v1,<base64>}. */
  public static String sign(byte[] key, String id, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** The {@code webhook-signature} header: one signature per key, space-separated. */
  public static String header(List<byte[]> keys, String id, long timestamp, byte[] body) {
    StringBuilder header = new StringBuilder();
    for (byte[] key : keys) {
      if (!header.isEmpty()) {
        header.append(' ');
      }
      header.append(sign(key, id, timestamp, body));
    }
    return header.toString();
  }
}
