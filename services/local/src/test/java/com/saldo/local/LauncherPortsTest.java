package com.saldo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that `./saldo up` checks every port it needs before it starts anything, and names the ones
 * another program (another Saldo) holds, instead of starting beside it.
 */
class LauncherPortsTest {

  @TempDir Path home;

  @Test
  void aListenerOnLoopbackAloneMakesThePortTaken() throws IOException {
    try (ServerSocket other = new ServerSocket()) {
      // the embedded PostgreSQL listens on 127.0.0.1 only; the services bind every address
      other.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = other.getLocalPort();

      assertThat(Ports.free(port)).isFalse();
      assertThat(Ports.taken(Map.of(port, "the embedded PostgreSQL")))
          .containsExactly("port " + port + " (the embedded PostgreSQL)");
    }
  }

  @Test
  void aClosedPortIsFreeAgain() throws IOException {
    int port;
    try (ServerSocket other = new ServerSocket(0)) {
      port = other.getLocalPort();
    }
    assertThat(Ports.free(port)).isTrue();
    assertThat(Ports.taken(Map.of(port, "ledger"))).isEmpty();
  }

  @Test
  void upStartsNothingWhenAServicePortIsTaken() throws Exception {
    int ledgerPort = Services.ALL.getFirst().port();
    try (ServerSocket other = takeOrBorrow(ledgerPort)) {
      assertThat(Ports.free(ledgerPort)).as("held by %s", other).isFalse();
      Process up =
          new ProcessBuilder(
                  List.of(
                      Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                      "-cp",
                      System.getProperty("java.class.path"),
                      Local.class.getName(),
                      "--home",
                      home.toString()))
              .redirectErrorStream(true)
              .start();
      assertThat(up.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String printed = new String(up.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(up.exitValue()).as(printed).isEqualTo(2);
      assertThat(printed)
          .contains("port " + ledgerPort + " (ledger)")
          .contains("Nothing was started")
          .doesNotContain("Starting")
          .doesNotContain("Saldo is up");
      assertThat(Files.exists(home.resolve("postgres"))).isFalse();
    }
  }

  /**
   * Holds the port for the test; where something else already holds it (a `./saldo up` on this
   * machine), that holder serves the test as well.
   */
  private static ServerSocket takeOrBorrow(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      socket.bind(new InetSocketAddress(port));
    } catch (IOException alreadyTaken) {
      // the port is held by another program: exactly the case under test
    }
    return socket;
  }
}
