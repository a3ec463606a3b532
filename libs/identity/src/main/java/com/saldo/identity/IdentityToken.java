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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>Both sides remember their work: {@link #current} hands out one token per caller until half its
 * lifetime has passed, and {@link #verify} remembers each token it has checked until the token
 * expires, so a busy caller costs one HMAC and one JSON document per interval rather than per
 * request. Both memories are bounded ({@link #CACHE_SIZE_MAX}) and are emptied when full.
 */
public final class IdentityToken {

  public static final String HEADER = "Saldo-Identity";
  public static final Duration LIFETIME_MAX = Duration.ofSeconds(60);
  private static final Duration SKEW = Duration.ofSeconds(5);
  private static final String VERSION = "v1";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  public static final int CACHE_SIZE_MAX = 10_000;

  private record Signed(String token, Instant renewAt) {}

  private record Checked(CallerIdentity identity, Instant expires) {}

  private final SecretKeySpec key;
  private final Clock clock;
  private final Map<CallerIdentity, Signed> signed = new ConcurrentHashMap<>();
  private final Map<String, Checked> checked = new ConcurrentHashMap<>();

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

  /**
   * A token for {@code identity} that is valid for at least half of {@code lifetime}: the one
   * handed out before while it is that fresh, else a new one.
   */
  public String current(CallerIdentity identity, Duration lifetime) {
    Instant now = clock.instant();
    Signed known = signed.get(identity);
    if (known != null && now.isBefore(known.renewAt())) {
      return known.token();
    }
    String token = sign(identity, lifetime);
    remember(signed, identity, new Signed(token, now.plus(lifetime.dividedBy(2))));
    return token;
  }

  /** The identity in a token that this key signed and that is current; empty otherwise. */
  public Optional<CallerIdentity> verify(String token) {
    if (token == null || token.length() > 4096) {
      return Optional.empty();
    }
    Checked known = checked.get(token);
    if (known != null) {
      if (clock.instant().isBefore(known.expires().plus(SKEW))) {
        return Optional.of(known.identity());
      }
      checked.remove(token);
      return Optional.empty();
    }
    Optional<Checked> fresh = check(token);
    fresh.ifPresent(c -> remember(checked, token, c));
    return fresh.map(Checked::identity);
  }

  /** How many checked tokens are remembered now. */
  int remembered() {
    return checked.size();
  }

  private static <K, V> void remember(Map<K, V> cache, K key, V value) {
    if (cache.size() >= CACHE_SIZE_MAX) {
      cache.clear();
    }
    cache.put(key, value);
  }

  private Optional<Checked> check(String token) {
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
      return Optional.of(
          new Checked(new CallerIdentity(tenantId, claims.get("cid").asString(), scopes), expires));
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
