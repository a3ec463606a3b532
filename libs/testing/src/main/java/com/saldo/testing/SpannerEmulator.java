package com.saldo.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The Google Cloud Spanner emulator for tests: the installed {@code emulator_main}, started once
 * per JVM on a free port and stopped with it. Where it is not installed, {@link #reason()} says
 * why, and the tests that need it skip with that reason; nothing stands in for it.
 *
 * <p>Found at {@code $SALDO_SPANNER_EMULATOR}, else in the Cloud SDK's {@code
 * bin/cloud_spanner_emulator/} (Debian's {@code google-cloud-cli-spanner-emulator} puts it under
 * {@code /usr/lib/google-cloud-sdk}).
 */
public final class SpannerEmulator {

  /** The project and instance every test database lives in. */
  public static final String PROJECT = "saldo-test";

  public static final String INSTANCE = "saldo";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static SpannerEmulator running;
  private static String missing;

  private final Process process;
  private final int port;

  private SpannerEmulator(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The running emulator, started on first use; empty where it cannot run here. */
  public static synchronized Optional<SpannerEmulator> get() {
    if (running == null && missing == null) {
      try {
        Optional<Path> binary = binary();
        if (binary.isEmpty()) {
          missing =
              "the Spanner emulator is not installed (emulator_main; set SALDO_SPANNER_EMULATOR or"
                  + " install google-cloud-cli-spanner-emulator)";
        } else {
          running = start(binary.get());
        }
      } catch (IOException | RuntimeException e) {
        missing = "the Spanner emulator did not start: " + e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        missing = "interrupted while the Spanner emulator started";
      }
      if (missing != null) {
        System.err.println("Spanner tests skip: " + missing);
      }
    }
    return Optional.ofNullable(running);
  }

  /** Why the emulator cannot run here, or null when it runs. */
  public static synchronized String reason() {
    get();
    return missing;
  }

  /** Where the installed emulator is, if it is. */
  public static Optional<Path> binary() {
    List<Path> candidates = new ArrayList<>();
    String configured = System.getenv("SALDO_SPANNER_EMULATOR");
    if (configured != null && !configured.isBlank()) {
      candidates.add(Path.of(configured));
    }
    for (String sdk :
        List.of("/usr/lib/google-cloud-sdk", "/usr/share/google-cloud-sdk", "/google-cloud-sdk")) {
      candidates.add(Path.of(sdk, "bin", "cloud_spanner_emulator", "emulator_main"));
    }
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /** The emulator's gRPC address, {@code localhost:port}. */
  public String host() {
    return "localhost:" + port;
  }

  /** A new, empty database's name; the JDBC driver creates it on first connection. */
  public static String newDatabase() {
    return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
  }

  /** The JDBC URL of a database in the PostgreSQL dialect, created on first connection. */
  public String url(String database) {
    return "jdbc:cloudspanner://"
        + host()
        + "/projects/"
        + PROJECT
        + "/instances/"
        + INSTANCE
        + "/databases/"
        + database
        + ";dialect=POSTGRESQL;retryAbortsInternally=false;autoConfigEmulator=true";
  }

  private static SpannerEmulator start(Path binary) throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process process = launch(binary, port, Files.createTempFile("spanner-emulator", ".log"));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  process.destroy();
                  try {
                    process.waitFor(5, TimeUnit.SECONDS);
                  } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                  }
                  process.destroyForcibly();
                }));
    return new SpannerEmulator(process, port);
  }

  /**
   * Starts {@code binary} (an {@code emulator_main}) on a port of localhost, its output to {@code
   * log}, and returns it once it listens; the caller stops it. For the tests' emulator and for
   * {@code ./saldo up --spanner-emulator}.
   */
  public static Process launch(Path binary, int port, Path log)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(binary.toString(), "--host_port=localhost:" + port)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the Spanner emulator exited with " + process.exitValue() + "; see " + log);
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("localhost", port), 200);
        return process;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException(
        "the Spanner emulator did not listen within " + START_TIMEOUT + "; see " + log);
  }
}
