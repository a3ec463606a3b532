package com.saldo.webhooks.delivery.http;

import com.saldo.webhooks.delivery.Attempt;
import com.saldo.webhooks.delivery.Delivery;
import com.saldo.webhooks.delivery.Endpoint;
import com.saldo.webhooks.delivery.Sender;
import com.saldo.webhooks.egress.SafeDnsResolver;
import com.saldo.webhooks.signing.Signer;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends attempts over HTTP exactly as Standard Webhooks 1.0 asks: a {@code POST} of the event with
 * {@code webhook-id} (the event's id, the same on every attempt), {@code webhook-timestamp} and
 * {@code webhook-signature}. Connections go only to addresses the {@link SafeDnsResolver} allowed,
 * redirects are not followed, a connection may take 5 s and an attempt 15 s in all, and at most 64
 * KiB of a response is read.
 */
public final class HttpSender implements Sender, AutoCloseable {

  private static final ContentType JSON = ContentType.parse("application/json");

  private final CloseableHttpClient client;
  private final ScheduledExecutorService deadlines =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
  private final Duration totalTimeout;
  private final int responseBytesMax;
  private final Clock clock;

  public HttpSender(
      SafeDnsResolver resolver,
      Duration connectTimeout,
      Duration totalTimeout,
      int responseBytesMax,
      int connectionsMax,
      Clock clock) {
    this.totalTimeout = totalTimeout;
    this.responseBytesMax = responseBytesMax;
    this.clock = clock;
    PoolingHttpClientConnectionManager connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(resolver)
            // endpoints on one host share a route; each endpoint's own cap is its worker's, so
            // that a slow endpoint cannot take the connections of another on the same host
            .setMaxConnPerRoute(connectionsMax)
            .setMaxConnTotal(connectionsMax)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(connectTimeout))
                    .setSocketTimeout(Timeout.of(totalTimeout))
                    .setTimeToLive(TimeValue.ofMinutes(5))
                    .build())
            .build();
    this.client =
        HttpClients.custom()
            .setConnectionManager(connections)
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableAutomaticRetries()
            .disableAuthCaching()
            .disableContentCompression()
            .evictIdleConnections(TimeValue.ofSeconds(30))
            .setUserAgent("Saldo-Webhooks/1.0")
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectionRequestTimeout(Timeout.of(totalTimeout))
                    .setResponseTimeout(Timeout.of(totalTimeout))
                    .build())
            .build();
  }

  @Override
  public Attempt send(Endpoint endpoint, Delivery delivery) {
    byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
    String id = delivery.eventId().toString();
    long timestamp = clock.instant().getEpochSecond();
    HttpPost post = new HttpPost(endpoint.url());
    post.setHeader("webhook-id", id);
    post.setHeader("webhook-timestamp", Long.toString(timestamp));
    post.setHeader("webhook-signature", Signer.header(endpoint.keys(), id, timestamp, body));
    post.setEntity(new ByteArrayEntity(body, JSON));
    long started = System.nanoTime();
    // set before the cancel, so that the failure it causes reads as the timeout it is, whatever
    // the exception the closed socket throws (and however soon) in this thread
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> deadline =
        deadlines.schedule(
            () -> {
              expired.set(true);
              post.cancel();
            },
            totalTimeout.toMillis(),
            TimeUnit.MILLISECONDS);
    try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
      int status = response.getCode();
      Duration retryAfter = retryAfter(response.getFirstHeader("Retry-After"), clock.instant());
      String error = status >= 200 && status < 300 ? null : "HTTP " + status;
      if (!readAtMost(response.getEntity(), responseBytesMax)) {
        post.cancel(); // more than we read: the connection is not reused
      }
      return new Attempt(status, millisSince(started), error, retryAfter);
    } catch (SafeDnsResolver.RefusedHost refused) {
      return new Attempt(0, millisSince(started), refused.getMessage(), null);
    } catch (ConnectTimeoutException e) {
      return new Attempt(0, millisSince(started), "connection timed out", null);
    } catch (ConnectException e) {
      return new Attempt(0, millisSince(started), "connection refused", null);
    } catch (SocketTimeoutException e) {
      return new Attempt(0, millisSince(started), "no response in time", null);
    } catch (IOException | RuntimeException e) {
      String why =
          expired.get()
              ? "no response within " + totalTimeout.toSeconds() + " s"
              : e.getClass().getSimpleName()
                  + (e.getMessage() == null ? "" : ": " + e.getMessage());
      return new Attempt(0, millisSince(started), shorten(why), null);
    } finally {
      deadline.cancel(false);
    }
  }

  /** Reads the body up to the limit; false when there was more. */
  private static boolean readAtMost(HttpEntity entity, int limit) throws IOException {
    if (entity == null) {
      return true;
    }
    byte[] buffer = new byte[8192];
    long read = 0;
    try (InputStream in = entity.getContent()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        read += n;
        if (read > limit) {
          return false;
        }
      }
    }
    return true;
  }

  /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(Header header, java.time.Instant now) {
    if (header == null) {
      return null;
    }
    String value = header.getValue().trim();
    try {
      if (!value.isEmpty() && value.length() <= 10 && value.chars().allMatch(Character::isDigit)) {
        return Duration.ofSeconds(Long.parseLong(value));
      }
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(now, at.toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  private static String shorten(String text) {
    return text.length() <= 500 ? text : text.substring(0, 500);
  }

  @Override
  public void close() throws IOException {
    deadlines.shutdownNow();
    client.close();
  }
}
