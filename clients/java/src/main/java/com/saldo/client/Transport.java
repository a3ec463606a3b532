package com.saldo.client;

import com.saldo.client.error.ConnectionFailedException;
import com.saldo.client.error.Problem;
import com.saldo.client.error.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one call of the API with its retries: the same request, with the same body and the same
 * {@code X-Request-Id}, until it succeeds, fails for good, or the policy's budget is spent. Its
 * answer is JSON read into records; a problem becomes the exception of its code.
 */
final class Transport {

  /** Which failures a call may be sent again after. */
  enum Safety {
    /** Sending it twice has the effect of sending it once: retry on every transient failure. */
    IDEMPOTENT,
    /** Retry only where nothing can have been applied: a refused connection, a 429. */
    CONNECT_ONLY
  }

  /** A successful answer. */
  record Reply<B>(int status, HttpHeaders headers, B body) {}

  static final JsonMapper JSON =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private static final int ERROR_BODY_MAX = 64 * 1024;

  private final HttpClient http;
  private final URI base;
  private final String authorization;
  private final RetryPolicy policy;
  private final Duration requestTimeout;
  private final String userAgent;

  Transport(
      HttpClient http,
      URI base,
      String credential,
      RetryPolicy policy,
      Duration requestTimeout,
      String userAgent) {
    this.http = http;
    this.base = base;
    this.authorization = credential == null ? null : "Bearer " + credential;
    this.policy = policy;
    this.requestTimeout = requestTimeout;
    this.userAgent = userAgent;
  }

  Duration requestTimeout() {
    return requestTimeout;
  }

  /** A call answered with JSON, read as {@code type}. */
  <T> Reply<T> json(String method, String path, Object body, Safety safety, Class<T> type) {
    return json(method, path, body, safety, type, requestTimeout);
  }

  /** A call answered with JSON, read as {@code type}, with a time of its own. */
  <T> Reply<T> json(
      String method, String path, Object body, Safety safety, Class<T> type, Duration timeout) {
    Reply<byte[]> reply = send(method, path, body, safety, timeout, false);
    return new Reply<>(reply.status(), reply.headers(), read(reply.body(), type));
  }

  /** A call answered with JSON, as a tree, in the usual time. */
  Reply<JsonNode> tree(String method, String path, Object body, Safety safety) {
    return tree(method, path, body, safety, requestTimeout);
  }

  /** A call answered with JSON, as a tree. */
  Reply<JsonNode> tree(String method, String path, Object body, Safety safety, Duration timeout) {
    Reply<byte[]> reply = send(method, path, body, safety, timeout, false);
    return new Reply<>(reply.status(), reply.headers(), readTree(reply.body()));
  }

  /** A call answered with no body that matters (204). */
  void empty(String method, String path, Safety safety) {
    send(method, path, null, safety, requestTimeout, method.equals("DELETE"));
  }

  /** A call whose answer is streamed; the caller closes the stream. */
  Reply<InputStream> stream(String path, Duration timeout) {
    return attempt(
        "GET",
        path,
        null,
        Safety.IDEMPOTENT,
        timeout,
        false,
        HttpResponse.BodyHandlers.ofInputStream());
  }

  <T> T read(byte[] body, Class<T> type) {
    try {
      return JSON.readValue(body, type);
    } catch (JacksonException e) {
      throw new IllegalStateException("Saldo answered JSON this client cannot read", e);
    }
  }

  JsonNode readTree(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      throw new IllegalStateException("Saldo answered JSON this client cannot read", e);
    }
  }

  private Reply<byte[]> send(
      String method,
      String path,
      Object body,
      Safety safety,
      Duration timeout,
      boolean goneOnRetryIsDone) {
    return attempt(
        method,
        path,
        body,
        safety,
        timeout,
        goneOnRetryIsDone,
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private <B> Reply<B> attempt(
      String method,
      String path,
      Object body,
      Safety safety,
      Duration timeout,
      boolean goneOnRetryIsDone,
      HttpResponse.BodyHandler<B> handler) {
    byte[] payload = body == null ? null : JSON.writeValueAsBytes(body);
    String requestId = UUID.randomUUID().toString();
    long deadline =
        System.nanoTime() + Math.max(policy.totalTimeout().toNanos(), timeout.toNanos());
    for (int attempt = 1; ; attempt++) {
      Duration left = Duration.ofNanos(deadline - System.nanoTime());
      HttpRequest request = request(method, path, payload, requestId, min(timeout, left));
      Duration wait;
      try {
        HttpResponse<B> response = http.send(request, handler);
        int status = response.statusCode();
        if (status / 100 == 2) {
          return new Reply<>(status, response.headers(), response.body());
        }
        Problem problem = problem(response, handler);
        if (goneOnRetryIsDone && attempt > 1 && status == 404) {
          return new Reply<>(204, response.headers(), null); // an earlier attempt deleted it
        }
        wait = retryAfter(problem, safety, attempt, deadline);
        if (wait == null) {
          throw ProblemException.of(problem);
        }
      } catch (IOException e) {
        boolean nothingSent =
            e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
        wait = (nothingSent || safety == Safety.IDEMPOTENT) ? backoff(attempt, deadline) : null;
        if (wait == null) {
          throw new ConnectionFailedException(
              method + " " + path + " failed after " + attempt + " attempt(s): " + e, e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConnectionFailedException(method + " " + path + " was interrupted", e);
      }
      sleep(wait);
    }
  }

  /** How long to wait before the next attempt after a problem, or null to give it up. */
  private Duration retryAfter(Problem problem, Safety safety, int attempt, long deadline) {
    int status = problem.status();
    boolean transientFailure =
        status == 429
            || (safety == Safety.IDEMPOTENT && (status == 502 || status == 503 || status == 504));
    if (!transientFailure) {
      return null;
    }
    Duration wait = backoff(attempt, deadline);
    if (wait == null) {
      return null;
    }
    if (problem.retryAfterSeconds() != null) {
      Duration asked = Duration.ofSeconds(problem.retryAfterSeconds());
      if (asked.compareTo(policy.retryAfterMax()) > 0) {
        return null;
      }
      if (asked.compareTo(wait) > 0) {
        wait = asked;
      }
    }
    return System.nanoTime() + wait.toNanos() < deadline ? wait : null;
  }

  /** The jittered wait before attempt {@code attempt + 1}, or null when none is left. */
  private Duration backoff(int attempt, long deadline) {
    if (attempt >= policy.maxAttempts()) {
      return null;
    }
    long base = policy.backoff(attempt + 1).toMillis();
    long millis = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    Duration wait = Duration.ofMillis(millis);
    return System.nanoTime() + wait.toNanos() < deadline ? wait : null;
  }

  private HttpRequest request(
      String method, String path, byte[] payload, String requestId, Duration timeout) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(timeout.isNegative() || timeout.isZero() ? Duration.ofMillis(1) : timeout)
            .header("Accept", "application/json, application/problem+json, text/csv")
            .header("X-Request-Id", requestId)
            .header("User-Agent", userAgent);
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    if (payload == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      builder
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(payload));
    }
    return builder.build();
  }

  /** The problem of a failed answer; one that is not a problem document gets a code by status. */
  private <B> Problem problem(HttpResponse<B> response, HttpResponse.BodyHandler<B> handler)
      throws IOException {
    byte[] bytes = bodyBytes(response.body());
    Integer retryAfter =
        response.headers().firstValue("Retry-After").map(Transport::seconds).orElse(null);
    JsonNode node = null;
    try {
      node = bytes.length == 0 ? null : JSON.readTree(bytes);
    } catch (JacksonException notJson) {
      // a proxy's HTML page, say: described by its status below
    }
    int status = response.statusCode();
    if (node == null || !node.isObject() || !node.path("code").isString()) {
      String text = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8);
      return new Problem(
          status,
          "http_" + status,
          null,
          "HTTP " + status,
          text.strip(),
          null,
          null,
          retryAfter,
          null);
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    for (JsonNode e : node.path("errors")) {
      errors.add(new Problem.FieldError(e.path("field").asString(), e.path("message").asString()));
    }
    Map<String, Object> extensions = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      if (!List.of("type", "title", "status", "detail", "code", "traceId", "errors")
          .contains(member.getKey())) {
        extensions.put(member.getKey(), JSON.treeToValue(member.getValue(), Object.class));
      }
    }
    return new Problem(
        status,
        node.path("code").asString(),
        text(node, "type"),
        text(node, "title"),
        text(node, "detail"),
        text(node, "traceId"),
        errors,
        retryAfter,
        extensions);
  }

  private static byte[] bodyBytes(Object body) throws IOException {
    if (body instanceof byte[] bytes) {
      return bytes;
    }
    if (body instanceof InputStream in) {
      try (in) {
        return in.readNBytes(ERROR_BODY_MAX);
      }
    }
    return new byte[0];
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  private static Integer seconds(String header) {
    try {
      long value = Long.parseLong(header.strip());
      return value < 0 ? null : (int) Math.min(value, Integer.MAX_VALUE);
    } catch (NumberFormatException httpDate) {
      return null; // an HTTP date: Saldo sends seconds; a proxy's date is not worth trusting
    }
  }

  static Instant consistentAsOf(HttpHeaders headers) {
    return headers.firstValue("Saldo-Consistent-As-Of").map(Instant::parse).orElse(null);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionFailedException("interrupted while waiting to retry", e);
    }
  }
}
