package com.saldo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saldo.identity.IdentityToken;
import com.saldo.problem.ProblemException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves how the gateway asks the backoffice about API keys, against a real HTTP server standing in
 * for it: one question per key at a time however many requests wait, an answer trusted for the
 * cache time and refreshed before it runs out, a revocation seen within the cache time, and a
 * backoffice that is away answered 503 only when no trusted answer is left.
 */
class ApiKeyCredentialsTest {

  private static final byte[] IDENTITY_KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final String KEY = "sk_" + "a".repeat(32) + "_" + "b".repeat(43);
  private static final long SECOND = 1_000_000_000L;

  private final AtomicInteger questions = new AtomicInteger();
  private final AtomicBoolean revoked = new AtomicBoolean();
  private final AtomicBoolean down = new AtomicBoolean();
  private final AtomicLong now = new AtomicLong(1_000 * SECOND);
  private final UUID tenant = UUID.randomUUID();
  private HttpServer backoffice;
  private CloseableHttpClient http;
  private ApiKeyCredentials credentials;

  @BeforeEach
  void start() throws IOException {
    backoffice = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    backoffice.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    backoffice.createContext(
        "/internal/v1/credentials/verify",
        exchange -> {
          questions.incrementAndGet();
          exchange.getRequestBody().readAllBytes();
          sleep(100); // long enough for every concurrent caller to arrive meanwhile
          int status = down.get() ? 503 : revoked.get() ? 401 : 200;
          byte[] body =
              status != 200
                  ? new byte[0]
                  : ("{\"tenantId\":\"%s\",\"credentialId\":\"k1\",\"scopes\":[\"accounts:read\"],"
                          + "\"ratePerSecond\":100,\"burst\":200}")
                      .formatted(tenant)
                      .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    backoffice.start();
    URI base = URI.create("http://127.0.0.1:" + backoffice.getAddress().getPort());
    GatewayProperties properties =
        new GatewayProperties(
            Map.of("backoffice", List.of(base)),
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofSeconds(2),
            1000,
            Duration.ofSeconds(30),
            Duration.ofSeconds(5),
            64,
            1000,
            2000,
            20,
            100,
            List.of());
    http = Upstream.client(properties);
    credentials =
        new ApiKeyCredentials(
            http,
            new Backends(properties.backends(), properties.ejectionTime()),
            new IdentityToken(IDENTITY_KEY, Clock.systemUTC()),
            properties,
            now::get,
            TracePropagation.NONE);
  }

  @AfterEach
  void stop() throws IOException {
    http.close();
    backoffice.stop(0);
  }

  @Test
  void manyConcurrentCallersOfAnUnknownKeyAskOnce() throws Exception {
    List<Future<Optional<Verified>>> answers = new ArrayList<>();
    try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 50; i++) {
        answers.add(callers.submit(() -> credentials.verify(KEY)));
      }
    }
    for (Future<Optional<Verified>> answer : answers) {
      assertThat(answer.get()).get().extracting(v -> v.identity().tenantId()).isEqualTo(tenant);
    }
    assertThat(questions).hasValue(1);
  }

  @Test
  void aBusyKeyIsRefreshedBeforeItExpiresAndARevocationTakesEffectWithinTheCacheTime() {
    assertThat(credentials.verify(KEY)).isPresent();
    now.addAndGet(SECOND / 2);
    assertThat(credentials.verify(KEY)).isPresent();
    assertThat(questions).as("trusted for the cache time").hasValue(1);

    now.addAndGet(SECOND);
    revoked.set(true);
    assertThat(credentials.verify(KEY)).as("the refresh sees the revocation").isEmpty();
    assertThat(questions).hasValue(2);
    assertThat(credentials.verify(KEY)).isEmpty();
    assertThat(questions).hasValue(2);
  }

  @Test
  void aBackofficeThatIsAwayKeepsATrustedAnswerAndFailsOnlyOnceItExpired() {
    assertThat(credentials.verify(KEY)).isPresent();
    down.set(true);
    now.addAndGet(SECOND + SECOND / 2);
    assertThat(credentials.verify(KEY)).as("the failed refresh keeps the answer").isPresent();
    assertThat(credentials.verify(KEY)).isPresent();
    assertThat(questions).as("one refresh attempt, not one per request").hasValue(2);

    now.addAndGet(SECOND);
    assertThatThrownBy(() -> credentials.verify(KEY))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(503));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
