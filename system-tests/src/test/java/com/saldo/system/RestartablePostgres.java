package com.saldo.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL server of its own that a test can kill hard (SIGKILL of the postmaster, as a crash
 * of its machine would) and start again on the same data directory and port, with crash recovery as
 * in production.
 */
final class RestartablePostgres implements AutoCloseable {

  private final EmbeddedPostgres embedded;
  private final Path data;
  private final List<String> command;
  private final int port;
  private ProcessHandle postmaster;

  RestartablePostgres(Path data) throws IOException {
    this(data, Map.of());
  }

  /** With server settings of the test's own besides the durable ones (replication, say). */
  RestartablePostgres(Path data, Map<String, String> settings) throws IOException {
    this.data = data;
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(true)
            .setServerConfig("max_connections", "200")
            // Durable commits: an acknowledged transfer must survive the crash this test causes.
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("fsync", "on");
    settings.forEach(builder::setServerConfig);
    this.embedded = builder.start();
    this.port = embedded.getPort();
    this.postmaster = postmaster();
    List<String> cmd = new ArrayList<>();
    if (System.getProperty("user.name").equals("root")) {
      // PostgreSQL refuses to run as root; like the embedded server's own start, run it in a
      // user namespace where it is not.
      cmd.addAll(List.of("unshare", "-U"));
    }
    cmd.add(postmaster.info().command().orElseThrow());
    cmd.addAll(List.of(postmaster.info().arguments().orElseThrow()));
    this.command = List.copyOf(cmd);
    try (Connection c = DriverManager.getConnection(adminUrl(), "postgres", "postgres");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE saldo");
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }

  String url() {
    return "jdbc:postgresql://localhost:" + port + "/saldo";
  }

  int port() {
    return port;
  }

  Path data() {
    return data;
  }

  /** How the postmaster was started: what a standby of it starts with, on its own data and port. */
  List<String> command() {
    return command;
  }

  private String adminUrl() {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  private ProcessHandle postmaster() throws IOException {
    long pid =
        Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip());
    return ProcessHandle.of(pid).orElseThrow();
  }

  /** SIGKILL: no shutdown checkpoint, connections cut mid-transaction. */
  void crash() throws InterruptedException {
    postmaster.destroyForcibly();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (postmaster.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    // The backends notice their postmaster is gone and exit; wait until none accepts a connection.
    while (accepts() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  /** Starts the server again on the same data; it recovers from its write-ahead log. */
  void start() throws IOException, InterruptedException {
    new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(
            ProcessBuilder.Redirect.appendTo(data.resolveSibling("postgres-restarts.log").toFile()))
        .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!accepts()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("PostgreSQL did not come back");
      }
      Thread.sleep(100);
    }
    postmaster = postmaster();
  }

  private boolean accepts() {
    try (Connection c = DriverManager.getConnection(adminUrl(), "postgres", "postgres")) {
      return c.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    embedded.close();
  }
}
