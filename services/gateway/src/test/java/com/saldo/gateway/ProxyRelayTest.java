package com.saldo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Proves what the gateway does when a backend breaks off in the middle of its answer, against a
 * backend that is a raw socket told how to misbehave: a client never takes a truncated answer for a
 * whole one. If nothing of the answer had reached the client it gets 503 (retry with the same id);
 * if part of it had, the connection ends without finishing the answer. Whole answers after a break
 * are relayed intact, so no broken connection is reused.
 */
@SpringBootTest(
    classes = GatewayApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProxyRelayTest {

  private static final String KEY = "sk_" + "a".repeat(32) + "_" + "b".repeat(43);

  /** Larger than the gateway's response buffer, so relaying it commits the answer. */
  private static final int LARGE = 64 * 1024;

  enum Behaviour {
    WHOLE,
    BREAK_AFTER_HEAD,
    BREAK_IN_SMALL_BODY,
    BREAK_IN_LARGE_BODY
  }

  private static final AtomicReference<Behaviour> behaviour =
      new AtomicReference<>(Behaviour.WHOLE);
  private static final AtomicInteger served = new AtomicInteger();
  private static final ServerSocket ledger = listen();
  private static final HttpServer backoffice = backoffice();

  @LocalServerPort int port;

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @DynamicPropertySource
  static void backends(DynamicPropertyRegistry registry) {
    registry.add(
        "saldo.gateway.backends.ledger", () -> "http://127.0.0.1:" + ledger.getLocalPort());
    registry.add(
        "saldo.gateway.backends.backoffice",
        () -> "http://127.0.0.1:" + backoffice.getAddress().getPort());
    registry.add(
        "saldo.identity.key", () -> java.util.Base64.getEncoder().encodeToString(new byte[32]));
    registry.add("management.server.port", () -> "0");
  }

  @AfterAll
  static void stop() throws IOException {
    ledger.close();
    backoffice.stop(0);
  }

  @org.springframework.beans.factory.annotation.Autowired
  io.micrometer.core.instrument.MeterRegistry meters;

  @BeforeEach
  void whole() {
    behaviour.set(Behaviour.WHOLE);
  }

  @Test
  void aBackendThatBreaksOffBeforeAnyOfItsAnswerReachedTheClientIsAnswered503() throws Exception {
    for (Behaviour broken :
        new Behaviour[] {Behaviour.BREAK_AFTER_HEAD, Behaviour.BREAK_IN_SMALL_BODY}) {
      behaviour.set(broken);
      HttpResponse<String> answer = pay();
      assertThat(answer.statusCode()).as("%s", broken).isEqualTo(503);
      assertThat(answer.body()).contains("\"code\":\"unavailable\"");
      assertThat(answer.headers().firstValue("Location"))
          .as("no header of the lost answer")
          .isEmpty();
      assertThat(answer.headers().firstValue("Retry-After")).contains("1");
    }
    theNextAnswersAreWhole();
  }

  @Test
  void aBackendThatBreaksOffAfterPartOfItsAnswerWasRelayedBreaksTheClientsConnection() {
    behaviour.set(Behaviour.BREAK_IN_LARGE_BODY);
    assertThatThrownBy(this::pay)
        .as("a truncated answer must not arrive as a whole one")
        .isInstanceOf(IOException.class);
    theNextAnswersAreWhole();
  }

  @Test
  void theMetricsNameEachRequestByItsRoute() throws Exception {
    assertThat(pay().statusCode()).isEqualTo(201);
    // tagged with the route, as Spring MVC tagged its handlers' patterns, not "UNKNOWN"
    assertThat(
            meters
                .find("http.server.requests")
                .tag("uri", "/v1/transfers")
                .tag("method", "POST")
                .timer())
        .isNotNull();
  }

  private void theNextAnswersAreWhole() {
    behaviour.set(Behaviour.WHOLE);
    for (int i = 0; i < 20; i++) {
      try {
        HttpResponse<String> answer = pay();
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.body()).isEqualTo(wholeBody());
        assertThat(answer.headers().firstValue("Location")).contains("/v1/transfers/x");
      } catch (IOException | InterruptedException e) {
        throw new AssertionError("a whole answer failed after a broken one", e);
      }
    }
  }

  private HttpResponse<String> pay() throws IOException, InterruptedException {
    String body =
        "{\"id\":\"%s\",\"debitAccountId\":\"%s\",\"creditAccountId\":\"%s\",\"amount\":1,\"currency\":\"EUR\",\"kind\":\"payment\"}"
            .formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/transfers"))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + KEY)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String wholeBody() {
    return "{\"status\":\"posted\",\"pad\":\"" + "p".repeat(LARGE) + "\"}";
  }

  /** A backend that speaks HTTP/1.1 on kept-alive connections and breaks off when told to. */
  private static ServerSocket listen() {
    try {
      ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread.ofVirtual()
          .start(
              () -> {
                while (!server.isClosed()) {
                  try {
                    Socket socket = server.accept();
                    Thread.ofVirtual().start(() -> serve(socket));
                  } catch (IOException closed) {
                    return;
                  }
                }
              });
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void serve(Socket socket) {
    try (socket;
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream()) {
      while (true) {
        int length = readHead(in);
        if (length < 0) {
          return;
        }
        in.readNBytes(length);
        served.incrementAndGet();
        byte[] body = wholeBody().getBytes(StandardCharsets.UTF_8);
        String head =
            "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n"
                + "Location: /v1/transfers/x\r\nTransfer-Encoding: chunked\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        switch (behaviour.get()) {
          case WHOLE -> {
            out.write(chunk(body, body.length));
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
          }
          case BREAK_AFTER_HEAD -> {
            out.flush();
            return;
          }
          case BREAK_IN_SMALL_BODY -> {
            out.write(chunk(body, 100)); // announces all of it, sends a hundred bytes
            out.flush();
            return;
          }
          case BREAK_IN_LARGE_BODY -> {
            out.write(chunk(body, body.length - 10));
            out.flush();
            return;
          }
        }
      }
    } catch (IOException gone) {
      // the gateway closed the connection
    }
  }

  /** The chunk header for all of {@code body}, then its first {@code sent} bytes. */
  private static byte[] chunk(byte[] body, int sent) {
    ByteArrayOutputStream chunk = new ByteArrayOutputStream();
    chunk.writeBytes(
        (Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    chunk.write(body, 0, sent);
    if (sent == body.length) {
      chunk.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    return chunk.toByteArray();
  }

  /** Reads a request's head; returns its Content-Length, or -1 at the end of the connection. */
  private static int readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      head.append((char) c);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
          if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).strip());
          }
        }
        return length;
      }
    }
    return -1;
  }

  /** A backoffice that vouches for one key with the scopes to move money. */
  private static HttpServer backoffice() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      String tenant = UUID.randomUUID().toString();
      server.createContext(
          "/internal/v1/credentials/verify",
          exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body =
                ("{\"tenantId\":\"%s\",\"credentialId\":\"k1\",\"scopes\":[\"transfers:write\"],"
                        + "\"ratePerSecond\":100000,\"burst\":100000}")
                    .formatted(tenant)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
