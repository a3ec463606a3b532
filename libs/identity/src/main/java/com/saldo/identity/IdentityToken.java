package com.saldo.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The short-lived token in which the gateway vouches for a caller's identity to the backends:
 * {@code v1.<base64url(claims)>.<base64url(HMAC-SHA256(key, "v1." + claims))>}. The key is shared
 * by the gateway and the backends through configuration, and never leaves them.
 */
public final class IdentityToken {

  public static final String HEADER = "Saldo-Identity";
  public static final Duration LIFETIME_MAX = Duration.ofSeconds(60);
  private static final Duration SKEW = Duration.ofSeconds(5);
  private static final String VERSION = "v1";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final Clock clock;

  public IdentityToken(byte[] key, Clock clock) {
    if (key.length < 32) {
      throw new IllegalArgumentException("the identity key must have at least 256 bits");
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    this.clock = clock;
  }

  public String sign(CallerIdentity identity, Duration lifetime) {
    if (lifetime.isNegative() || lifetime.compareTo(LIFETIME_MAX) > 0) {
      throw new IllegalArgumentException("a token lives at most " + LIFETIME_MAX);
    }
    Instant now = clock.instant();
    ObjectNode claims = JSON.createObjectNode();
    claims.put("tid", identity.tenantId() == null ? null : identity.tenantId().toString());
    claims.put("cid", identity.credentialId());
    var scopes = claims.putArray("scp");
    identity.scopes().stream().map(Scope::wire).sorted().forEach(scopes::add);
    claims.put("iat", now.getEpochSecond());
    claims.put("exp", now.plus(lifetime).getEpochSecond());
    String body = VERSION + "." + ENCODER.encodeToString(JSON.writeValueAsBytes(claims));
    return body + "." + ENCODER.encodeToString(mac(body));
  }

  /** The identity in a token that this key signed and that is current; empty otherwise. */
  public Optional<CallerIdentity> verify(String token) {
    if (token == null || token.length() > 4096) {
      return Optional.empty();
    }
    int last = token.lastIndexOf('.');
    if (last < 0 || !token.startsWith(VERSION + ".")) {
      return Optional.empty();
    }
    String body = token.substring(0, last);
    try {
      byte[] signature = DECODER.decode(token.substring(last + 1));
      if (!MessageDigest.isEqual(signature, mac(body))) {
        return Optional.empty();
      }
      JsonNode claims = JSON.readTree(DECODER.decode(body.substring(VERSION.length() + 1)));
      Instant now = clock.instant();
      Instant issued = Instant.ofEpochSecond(claims.get("iat").asLong());
      Instant expires = Instant.ofEpochSecond(claims.get("exp").asLong());
      if (!now.isBefore(expires.plus(SKEW))
          || issued.isAfter(now.plus(SKEW))
          || Duration.between(issued, expires).compareTo(LIFETIME_MAX) > 0) {
        return Optional.empty();
      }
      Set<Scope> scopes = EnumSet.noneOf(Scope.class);
      for (JsonNode scope : claims.get("scp")) {
        scopes.add(Scope.parse(scope.asString()).orElseThrow());
      }
      JsonNode tenant = claims.get("tid");
      UUID tenantId = tenant == null || tenant.isNull() ? null : UUID.fromString(tenant.asString());
      return Optional.of(new CallerIdentity(tenantId, claims.get("cid").asString(), scopes));
    } catch (IllegalArgumentException | NullPointerException | JacksonException e) {
      return Optional.empty();
    }
  }

  private byte[] mac(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  /** Decodes a base64 key from configuration; at least 32 bytes. */
  public static byte[] decodeKey(String base64) {
    if (base64 == null || base64.isBlank()) {
      throw new IllegalArgumentException(
          "saldo.identity.key (SALDO_IDENTITY_KEY) is not set: every service needs the key"
              + " the gateway signs identities with");
    }
    byte[] key = Base64.getDecoder().decode(base64.strip());
    if (key.length < 32) {
      throw new IllegalArgumentException("saldo.identity.key must decode to at least 32 bytes");
    }
    return key;
  }
}
