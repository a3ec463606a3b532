package com.saldo.client;

import com.saldo.client.model.Event;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;

/**
 * Checks a webhook delivery on the receiving side, per Standard Webhooks 1.0: the {@code
 * webhook-signature} header carries one or more space-separated {@code v1,<base64>} signatures (two
 * during a secret rotation), each an HMAC-SHA256 of {@code "id.timestamp.body"} keyed with the
 * secret's decoded bytes; one must match (compared in constant time), and {@code webhook-timestamp}
 * must lie within the tolerance of now, so that an old delivery cannot be replayed. Deduplicate by
 * {@code webhook-id}: a delivery may come more than once.
 *
 * <pre>{@code
 * Event event = Webhooks.verify(secret, headers, body); // throws WebhookVerificationException
 * if (seen.add(event.id())) { handle(event); }
 * }</pre>
 */
public final class Webhooks {

  /** The tolerance for {@code webhook-timestamp} unless one is given: 5 minutes either way. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  /** A delivery whose signature or timestamp does not hold: answer it 400 and drop it. */
  public static final class WebhookVerificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WebhookVerificationException(String message) {
      super(message);
    }
  }

  private Webhooks() {}

  /** Verifies with the default tolerance against the system clock, and reads the event. */
  public static Event verify(String secret, Map<String, String> headers, byte[] body) {
    return verify(secret, headers, body, DEFAULT_TOLERANCE, Clock.systemUTC());
  }

  /**
   * Verifies a delivery and reads its event.
   *
   * @param secret the webhook's secret, {@code whsec_<base64>}
   * @param headers the request's headers, names in any case
   * @param body the request's body exactly as received, before any parsing
   * @param tolerance how far {@code webhook-timestamp} may lie from now
   * @param clock what now is
   * @throws WebhookVerificationException if a header is missing, no signature matches, or the
   *     timestamp is outside the tolerance
   */
  public static Event verify(
      String secret, Map<String, String> headers, byte[] body, Duration tolerance, Clock clock) {
    verifySignature(secret, headers, body, tolerance, clock);
    try {
      return Transport.JSON.readValue(body, Event.class);
    } catch (JacksonException e) {
      throw new WebhookVerificationException("the body is not an event");
    }
  }

  /**
   * Verifies a delivery's signature and timestamp only, whatever its body: for receivers that read
   * the body themselves.
   *
   * @throws WebhookVerificationException as {@link #verify(String, Map, byte[], Duration, Clock)}
   */
  public static void verifySignature(
      String secret, Map<String, String> headers, byte[] body, Duration tolerance, Clock clock) {
    String id = header(headers, "webhook-id");
    String timestamp = header(headers, "webhook-timestamp");
    String signatures = header(headers, "webhook-signature");
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      throw new WebhookVerificationException("webhook-timestamp is not a number of seconds");
    }
    Instant sent = Instant.ofEpochSecond(seconds);
    Instant now = clock.instant();
    if (sent.isBefore(now.minus(tolerance)) || sent.isAfter(now.plus(tolerance))) {
      throw new WebhookVerificationException("webhook-timestamp is outside the tolerance");
    }
    byte[] expected = sign(key(secret), id, seconds, body);
    boolean matched = false;
    for (String signature : signatures.trim().split(" +")) {
      int comma = signature.indexOf(',');
      if (comma < 0 || !signature.substring(0, comma).equals("v1")) {
        continue; // another scheme (v1a, say) or malformed: not ours to judge
      }
      byte[] given;
      try {
        given = Base64.getDecoder().decode(signature.substring(comma + 1));
      } catch (IllegalArgumentException e) {
        continue;
      }
      matched |= MessageDigest.isEqual(expected, given); // no early exit: constant time
    }
    if (!matched) {
      throw new WebhookVerificationException("no signature matches the secret");
    }
  }

  /** The base64 signature of a delivery, without the {@code v1,} prefix. */
  public static String signature(String secret, String id, long timestamp, byte[] body) {
    return Base64.getEncoder().encodeToString(sign(key(secret), id, timestamp, body));
  }

  private static byte[] key(String secret) {
    String encoded = secret.startsWith("whsec_") ? secret.substring(6) : secret;
    try {
      return Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the secret is not whsec_ and base64");
    }
  }

  private static byte[] sign(byte[] key, String id, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static String header(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (h.getKey() != null && h.getKey().toLowerCase(Locale.ROOT).equals(name)) {
        return h.getValue();
      }
    }
    throw new WebhookVerificationException("the header " + name + " is missing");
  }
}
