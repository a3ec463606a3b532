package com.saldo.gateway;

import com.saldo.identity.CallerIdentity;
import com.saldo.identity.IdentityToken;
import com.saldo.identity.Scope;
import com.saldo.problem.ProblemException;
import com.saldo.problem.Problems;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies API keys by asking the backoffice, and remembers each answer (yes or no) for the cache
 * time, so that a revoked key stops working everywhere within that time and the backoffice sees at
 * most one question per key at a time, about two per key and cache time while the key is busy. The
 * cache is keyed by the key's SHA-256, never by the key itself. Unknown keys are remembered apart,
 * in a tenth of the room, so that a flood of made-up keys cannot push the known ones out; the limit
 * on failed authentications per address ({@link FailedAuthentications}) bounds how many such
 * questions reach the backoffice at all.
 */
final class ApiKeyCredentials {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(ApiKeyCredentials.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final CallerIdentity GATEWAY =
      new CallerIdentity(null, "gateway", Set.of(Scope.INTERNAL));

  /**
   * An answer, trusted until {@code expiresAt}; the first request after {@code refreshAt} asks
   * again while the others keep using it, so a busy key never expires under its callers.
   */
  private record Cached(
      Optional<Verified> verified, long expiresAt, long refreshAt, AtomicBoolean refreshing) {}

  private record Answer(int status, byte[] body) {}

  /** The backoffice's answer about one key is a few hundred bytes. */
  private static final int ANSWER_SIZE_MAX = 64 * 1024;

  /**
   * Known keys and unknown ones apart, so that a flood of unknown keys never evicts a known one.
   */
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private final Map<String, Cached> unknown = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Optional<Verified>>> inflight =
      new ConcurrentHashMap<>();
  private final CloseableHttpClient http;
  private final Backends backends;
  private final IdentityToken tokens;
  private final long ttlNanos;
  private final int sizeMax;
  private final LongSupplier nanoTime;
  private final TracePropagation traces;

  ApiKeyCredentials(
      CloseableHttpClient http,
      Backends backends,
      IdentityToken tokens,
      GatewayProperties properties,
      LongSupplier nanoTime,
      TracePropagation traces) {
    this.traces = traces;
    this.http = http;
    this.backends = backends;
    this.tokens = tokens;
    this.ttlNanos = properties.credentialCacheTtl().toNanos();
    this.sizeMax = properties.credentialCacheSizeMax();
    this.nanoTime = nanoTime;
  }

  /**
   * Whether the backoffice said this key was valid when last asked, however long ago: such a key is
   * checked again as usual even while its address is over the limit of failed authentications.
   */
  boolean wasKnown(String key) {
    return cache.containsKey(sha256(key));
  }

  Optional<Verified> verify(String key) {
    String digest = sha256(key);
    long now = nanoTime.getAsLong();
    Cached cached = cache.get(digest);
    if (cached == null) {
      cached = unknown.get(digest);
    }
    if (cached == null || cached.expiresAt() - now <= 0) {
      return load(key, digest);
    }
    if (cached.refreshAt() - now <= 0 && cached.refreshing().compareAndSet(false, true)) {
      try {
        return load(key, digest);
      } catch (ProblemException unavailable) {
        return cached.verified(); // still within its time; the next miss asks again
      }
    }
    return cached.verified();
  }

  /**
   * Asks the backoffice once per key at a time: callers that need the same key meanwhile wait for
   * that answer instead of asking too (at thousands of requests per second, an expired entry
   * otherwise sends every request that arrives before the first answer to the backoffice).
   */
  private Optional<Verified> load(String key, String digest) {
    CompletableFuture<Optional<Verified>> mine = new CompletableFuture<>();
    CompletableFuture<Optional<Verified>> running = inflight.putIfAbsent(digest, mine);
    if (running != null) {
      try {
        return running.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
    try {
      Optional<Verified> verified = ask(key);
      store(digest, verified);
      mine.complete(verified);
      return verified;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inflight.remove(digest, mine);
    }
  }

  private void store(String digest, Optional<Verified> verified) {
    long now = nanoTime.getAsLong();
    Map<String, Cached> into = verified.isPresent() ? cache : unknown;
    Map<String, Cached> out = verified.isPresent() ? unknown : cache;
    int max = verified.isPresent() ? sizeMax : Math.max(1, sizeMax / 10);
    if (into.size() >= max) {
      into.entrySet().removeIf(e -> e.getValue().expiresAt() - now <= 0);
      if (into.size() >= max) {
        into.clear();
      }
    }
    out.remove(digest);
    into.put(digest, new Cached(verified, now + ttlNanos, now + ttlNanos / 2, new AtomicBoolean()));
  }

  private Optional<Verified> ask(String key) {
    byte[] body = JSON.writeValueAsBytes(Map.of("key", key));
    for (Backends.Instance instance : backends.order("backoffice")) {
      ClassicRequestBuilder builder =
          ClassicRequestBuilder.post(instance.base().resolve("/internal/v1/credentials/verify"))
              .addHeader(IdentityToken.HEADER, tokens.current(GATEWAY, Duration.ofSeconds(30)))
              .setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
      traces.inject(builder); // the first request that needed the key, when it is traced
      ClassicHttpRequest request = builder.build();
      try {
        Answer answer =
            http.execute(
                request,
                response ->
                    new Answer(
                        response.getCode(),
                        response.getEntity() == null
                            ? new byte[0]
                            : EntityUtils.toByteArray(response.getEntity(), ANSWER_SIZE_MAX)));
        if (answer.status() == 200) {
          return Optional.of(parse(JSON.readTree(answer.body())));
        }
        if (answer.status() == 401 || answer.status() == 400) {
          return Optional.empty();
        }
        log.warn("backoffice at {} answered {} to a key check", instance.base(), answer.status());
      } catch (ConnectException | ConnectTimeoutException e) {
        instance.eject().run();
      } catch (IOException e) {
        // try the next instance; the question changes nothing
      }
    }
    throw Problems.unavailable();
  }

  private static Verified parse(JsonNode answer) {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    answer.get("scopes").forEach(s -> Scope.parse(s.asString()).ifPresent(scopes::add));
    JsonNode tenant = answer.get("tenantId");
    CallerIdentity identity =
        new CallerIdentity(
            tenant == null || tenant.isNull() ? null : UUID.fromString(tenant.asString()),
            answer.get("credentialId").asString(),
            scopes);
    return new Verified(identity, answer.get("ratePerSecond").asInt(), answer.get("burst").asInt());
  }

  private static String sha256(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
