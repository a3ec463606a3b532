package com.saldo.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The training run of a service's image, part of its build: writes the JDK's AOT cache (classes
 * loaded and linked, method profiles) that the image then starts with.
 *
 * <p>A cache only serves the JVM and the class path it was made with. So the run unpacks the image
 * that Jib just built, starts the service with the image's own Java runtime and the image's class
 * path (its {@code /app} moved under the work directory, which the JDK accepts), against a real
 * PostgreSQL, waits for readiness, sends it a few hundred requests and stops it as Kubernetes
 * would, with SIGTERM; the JVM writes the cache as it exits. The files of the image carry Jib's
 * fixed modification time, which the cache records, so the cache matches them in the container.
 *
 * <pre>
 *   ImageTraining SERVICE IMAGE.tar OUT.aot WORK_DIR
 * </pre>
 */
public final class ImageTraining {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(180);
  private static final int REQUESTS = 400;

  private ImageTraining() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      throw new IllegalArgumentException("usage: ImageTraining SERVICE IMAGE.tar OUT.aot WORK_DIR");
    }
    String service = args[0];
    Path image = Path.of(args[1]);
    Path out = Path.of(args[2]).toAbsolutePath();
    Path work = Path.of(args[3]).toAbsolutePath();
    ContainerImage unpacked = ContainerImage.unpack(image, work);
    Files.deleteIfExists(out);
    Files.createDirectories(out.getParent());

    TestDatabase.Database db = TestDatabase.create();
    int port = freePort();
    int managementPort = freePort();
    String upper = service.toUpperCase(Locale.ROOT);
    SecureRandom random = new SecureRandom();
    byte[] key = new byte[32];
    random.nextBytes(key);
    Map<String, String> env =
        Map.of(
            "SALDO_DATABASE_URL",
            db.url(),
            "SALDO_DATABASE_USER",
            db.user(),
            "SALDO_DATABASE_PASSWORD",
            db.password(),
            "SALDO_IDENTITY_KEY",
            Base64.getEncoder().encodeToString(key),
            "SALDO_WEBHOOKS_SECRET_KEY",
            Base64.getEncoder().encodeToString(key),
            "SALDO_BOOTSTRAP_OPERATOR_KEY",
            "sk_training_" + HexFormat.of().formatHex(random.generateSeed(20)),
            "SALDO_" + upper + "_PORT",
            Integer.toString(port),
            "SALDO_" + upper + "_MANAGEMENT_PORT",
            Integer.toString(managementPort));

    List<String> flags = new ArrayList<>();
    for (String flag : unpacked.jvmFlags()) {
      if (!flag.startsWith("-XX:AOTCache=")) {
        flags.add(flag);
      }
    }
    flags.addAll(List.of("-Xms64m", "-Xmx512m", "-XX:AOTCacheOutput=" + out));
    ProcessBuilder builder = new ProcessBuilder(unpacked.command(flags));
    builder.environment().putAll(env);
    // the image's own JVM options (the collector among them, which the cache must match)
    builder.environment().put("JAVA_TOOL_OPTIONS", unpacked.javaToolOptions());
    builder.redirectErrorStream(true);
    builder.redirectOutput(work.resolve("training.log").toFile());
    Process process = builder.start();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      awaitReady(process, managementPort, work);
      exercise(http, port, managementPort);
    } finally {
      process.destroy(); // SIGTERM: a graceful shutdown, after which the JVM writes the cache
      if (!process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("the training run did not stop within " + EXIT_TIMEOUT);
      }
    }
    if (!Files.isRegularFile(out) || Files.size(out) == 0) {
      throw new IllegalStateException(
          "the training run wrote no AOT cache; see " + work.resolve("training.log"));
    }
    System.out.printf(
        "%s: AOT cache %s (%d MiB) from a training run on %s%n",
        service, out.getFileName(), Files.size(out) >> 20, image.getFileName());
  }

  private static void awaitReady(Process process, int managementPort, Path work)
      throws InterruptedException {
    Readiness.await(
        process,
        Readiness.probe(managementPort),
        System.nanoTime() + READY_TIMEOUT.toNanos(),
        Duration.ofMillis(100),
        "the service's training run",
        "see " + work.resolve("training.log"));
  }

  /**
   * What every service does on every request: the filters, the refusal of a caller without
   * credentials as a problem document, a route that does not exist, and the probes and the scrape.
   */
  private static void exercise(HttpClient http, int port, int managementPort) {
    String api = "http://localhost:" + port;
    String management = "http://localhost:" + managementPort;
    List<HttpRequest> requests =
        List.of(
            HttpRequest.newBuilder(URI.create(api + "/v1/accounts/" + java.util.UUID.randomUUID()))
                .build(),
            HttpRequest.newBuilder(URI.create(api + "/v1/transfers"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"payment\"}"))
                .build(),
            HttpRequest.newBuilder(URI.create(api + "/no/such/route")).build(),
            HttpRequest.newBuilder(URI.create(management + "/actuator/health/liveness")).build(),
            HttpRequest.newBuilder(URI.create(management + "/actuator/prometheus")).build());
    for (int i = 0; i < REQUESTS; i++) {
      status(http, requests.get(i % requests.size()));
    }
  }

  private static int status(HttpClient http, HttpRequest request) {
    try {
      HttpRequest timed =
          HttpRequest.newBuilder(request, (name, value) -> true)
              .timeout(Duration.ofSeconds(5))
              .build();
      return http.send(timed, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
