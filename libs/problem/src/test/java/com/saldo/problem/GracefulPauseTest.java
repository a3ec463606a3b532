package com.saldo.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Proves what a service answers while it shuts down gracefully: Tomcat's connector is paused, and a
 * request that arrives on a kept-alive connection at that moment must be told to retry (503), never
 * refused as malformed. Tomcat itself marks such a request 503 and then, because it never parsed
 * its headers, 400 for a missing Host header; a client would take that 400 as final.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = GracefulPauseTest.App.class)
class GracefulPauseTest {

  private static final int CLIENTS = 8;
  private static final int PAUSES = 100;

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(Echo.class)
  static class App {}

  @RestController
  static class Echo {
    @PostMapping(path = "/echo", produces = "application/json")
    String echo(@RequestBody String body) {
      return body;
    }
  }

  @Autowired ServletWebServerApplicationContext context;

  @Test
  void aRequestMeetingAPausedConnectorIsToldToRetryNeverRefused() throws Exception {
    TomcatWebServer server = (TomcatWebServer) context.getWebServer();
    Connector connector = server.getTomcat().getConnector();
    URI echo = URI.create("http://127.0.0.1:" + server.getPort() + "/echo");
    Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    Map<Integer, String> bodies = new ConcurrentHashMap<>();
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> clients = new ArrayList<>();
    try (HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build()) {
      for (int i = 0; i < CLIENTS; i++) {
        clients.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      HttpRequest request =
                          HttpRequest.newBuilder(echo)
                              .timeout(Duration.ofSeconds(10))
                              .header("Content-Type", "application/json")
                              .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":1}"))
                              .build();
                      while (running.get()) {
                        try {
                          HttpResponse<String> answer =
                              http.send(request, HttpResponse.BodyHandlers.ofString());
                          statuses
                              .computeIfAbsent(answer.statusCode(), s -> new LongAdder())
                              .increment();
                          bodies.putIfAbsent(answer.statusCode(), answer.body());
                        } catch (IOException closed) {
                          // the connection was closed during the pause: sending again is allowed
                        } catch (InterruptedException e) {
                          return;
                        }
                      }
                    }));
      }
      for (int i = 0; i < PAUSES; i++) {
        Thread.sleep(5);
        connector.pause();
        Thread.sleep(10);
        connector.resume();
      }
      running.set(false);
      for (Thread client : clients) {
        client.join(Duration.ofSeconds(30));
      }
    } finally {
      connector.resume();
    }
    System.out.println("answers while pausing: " + statuses + " " + bodies.keySet());
    assertThat(statuses.get(200)).isNotNull();
    assertThat(statuses.keySet()).as("statuses, bodies %s", bodies).isSubsetOf(200, 503);
    if (bodies.containsKey(503)) {
      assertThat(bodies.get(503)).contains("\"code\":\"unavailable\"");
    }
  }

  @Test
  void anOverLongRequestLineIsStillRefusedAsMalformed() throws IOException {
    TomcatWebServer server = (TomcatWebServer) context.getWebServer();
    String answer =
        raw(
            server.getPort(),
            "GET /echo?a=" + "b".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 400").contains("\"code\":\"validation_failed\"");
  }

  /** Sends one request as raw bytes and returns everything the server answers until it closes. */
  private static String raw(int port, String request) throws IOException {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new String(
          socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
    }
  }
}
