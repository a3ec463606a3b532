package com.saldo.webhooks;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The webhooks service's settings and limits ({@code saldo.webhooks.*}); each is checked at start,
 * so a wrong value stops the service with its name instead of misbehaving later.
 *
 * @param secretKey base64 of the 32-byte key that seals signing secrets at rest
 * @param allowPrivateTargets deliver to loopback and private addresses too (local development)
 * @param relayInterval how often the relay looks for committed outbox rows when idle
 * @param relayBatch the most outbox rows one relay transaction moves
 * @param pollInterval how often each replica looks for new deliveries to its endpoints
 * @param leaseDuration how long a replica's claim on an endpoint lasts without renewal
 * @param retention how long events, deliveries and attempts are kept
 * @param pruneInterval how often expired rows are pruned
 * @param pruneBatch the most rows one pruning statement deletes
 * @param retrySchedule the wait before each attempt; the first is normally zero
 * @param retryJitter the fraction by which each wait is varied at random, either way
 * @param retryAfterMax the longest {@code Retry-After} that is honoured
 * @param disableAfter an endpoint failing without a success for this long is disabled
 * @param connectTimeout the longest a connection to an endpoint may take
 * @param totalTimeout the longest an attempt may take, connection and response included
 * @param responseBytesMax how much of a response body is read
 * @param concurrencyPerEndpoint the most attempts in flight to one endpoint
 * @param connectionsMax the most connections open to all endpoints together
 * @param windowPerEndpoint the most pending deliveries of one endpoint held in memory
 * @param rateLimitDefault deliveries per second an endpoint gets unless it asks for fewer
 * @param rateLimitMax the most deliveries per second an endpoint may ask for
 * @param endpointsPerTenantMax the most endpoints one tenant may register
 * @param pageSizeDefault items per page of a list unless the caller asks otherwise
 * @param pageSizeMax the most items a caller may ask for per page
 * @param replayChunk how many deliveries one step of a replay offers again
 */
@ConfigurationProperties("saldo.webhooks")
public record WebhooksSettings(
    String secretKey,
    @DefaultValue("false") boolean allowPrivateTargets,
    @DefaultValue("20ms") Duration relayInterval,
    @DefaultValue("2000") int relayBatch,
    @DefaultValue("25ms") Duration pollInterval,
    @DefaultValue("10s") Duration leaseDuration,
    @DefaultValue("30d") Duration retention,
    @DefaultValue("1m") Duration pruneInterval,
    @DefaultValue("10000") int pruneBatch,
    @DefaultValue({"0s", "5s", "5m", "30m", "2h", "5h", "10h", "10h", "10h", "10h", "10h", "10h"})
        List<Duration> retrySchedule,
    @DefaultValue("0.2") double retryJitter,
    @DefaultValue("1h") Duration retryAfterMax,
    @DefaultValue("5d") Duration disableAfter,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("15s") Duration totalTimeout,
    @DefaultValue("65536") int responseBytesMax,
    @DefaultValue("8") int concurrencyPerEndpoint,
    @DefaultValue("4096") int connectionsMax,
    @DefaultValue("256") int windowPerEndpoint,
    @DefaultValue("1000") int rateLimitDefault,
    @DefaultValue("10000") int rateLimitMax,
    @DefaultValue("50") int endpointsPerTenantMax,
    @DefaultValue("100") int pageSizeDefault,
    @DefaultValue("1000") int pageSizeMax,
    @DefaultValue("5000") int replayChunk) {

  public WebhooksSettings {
    if (secretKey == null || secretKey.isBlank()) {
      throw new IllegalArgumentException(
          "saldo.webhooks.secret-key (SALDO_WEBHOOKS_SECRET_KEY) is required: base64 of 32 bytes");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(secretKey.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("saldo.webhooks.secret-key is not base64", e);
    }
    if (key.length != 32) {
      throw new IllegalArgumentException("saldo.webhooks.secret-key must be 32 bytes");
    }
    within("relay-interval", relayInterval, Duration.ofMillis(1), Duration.ofSeconds(10));
    within("poll-interval", pollInterval, Duration.ofMillis(1), Duration.ofSeconds(10));
    within("lease-duration", leaseDuration, Duration.ofSeconds(1), Duration.ofMinutes(10));
    within("retention", retention, Duration.ofMinutes(1), Duration.ofDays(400));
    within("prune-interval", pruneInterval, Duration.ofMillis(100), Duration.ofDays(1));
    within("retry-after-max", retryAfterMax, Duration.ZERO, Duration.ofDays(1));
    within("disable-after", disableAfter, Duration.ofSeconds(1), Duration.ofDays(60));
    within("connect-timeout", connectTimeout, Duration.ofMillis(10), Duration.ofMinutes(1));
    within("total-timeout", totalTimeout, Duration.ofMillis(10), Duration.ofMinutes(5));
    count("relay-batch", relayBatch, 1, 100_000);
    count("prune-batch", pruneBatch, 1, 1_000_000);
    count("response-bytes-max", responseBytesMax, 0, 16 << 20);
    count("concurrency-per-endpoint", concurrencyPerEndpoint, 1, 1000);
    count("connections-max", connectionsMax, 1, 100_000);
    count("window-per-endpoint", windowPerEndpoint, 1, 100_000);
    count("rate-limit-max", rateLimitMax, 1, 1_000_000);
    count("rate-limit-default", rateLimitDefault, 1, rateLimitMax);
    count("endpoints-per-tenant-max", endpointsPerTenantMax, 1, 10_000);
    count("page-size-max", pageSizeMax, 1, 10_000);
    count("page-size-default", pageSizeDefault, 1, pageSizeMax);
    count("replay-chunk", replayChunk, 1, 1_000_000);
    if (retrySchedule.isEmpty() || retrySchedule.size() > 100) {
      throw new IllegalArgumentException("saldo.webhooks.retry-schedule must have 1..100 waits");
    }
    for (Duration wait : retrySchedule) {
      within("retry-schedule", wait, Duration.ZERO, Duration.ofDays(7));
    }
    if (!(retryJitter >= 0 && retryJitter < 1)) {
      throw new IllegalArgumentException("saldo.webhooks.retry-jitter must be within [0, 1)");
    }
    retrySchedule = List.copyOf(retrySchedule);
  }

  public byte[] secretKeyBytes() {
    return Base64.getDecoder().decode(secretKey.trim());
  }

  private static void within(String name, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          "saldo.webhooks." + name + " must be within " + min + ".." + max);
    }
  }

  private static void count(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "saldo.webhooks." + name + " must be within " + min + ".." + max);
    }
  }
}
