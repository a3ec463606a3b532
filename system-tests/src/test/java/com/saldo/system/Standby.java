package com.saldo.system;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A streaming standby of a running PostgreSQL, made with the embedded server's own binaries: a base
 * backup through the low-level API ({@code pg_backup_start}, a copy of the data directory, {@code
 * pg_backup_stop} and its backup label; the embedded binaries have no {@code pg_basebackup}), a
 * physical replication slot so that the primary keeps every WAL segment the standby still needs,
 * then the server started in standby mode on a port of its own, streaming from the primary.
 *
 * <p>Synchronous replication is switched on at the primary after the copy, so the standby does not
 * inherit it: promoted, it must not wait for a standby of its own.
 */
final class Standby implements AutoCloseable {

  static final String NAME = "saldo_standby";

  /** What a base backup leaves out: the server's own run-time state, rebuilt by the standby. */
  private static final Set<String> SKIPPED =
      Set.of(
          "postmaster.pid",
          "postmaster.opts",
          "pg_wal",
          "pg_replslot",
          "pg_stat_tmp",
          "pg_dynshmem",
          "pg_notify",
          "pg_serial",
          "pg_snapshots",
          "pg_subtrans",
          "log");

  private static final Set<String> EMPTIED =
      Set.of(
          "pg_wal",
          "pg_replslot",
          "pg_stat_tmp",
          "pg_dynshmem",
          "pg_notify",
          "pg_serial",
          "pg_snapshots",
          "pg_subtrans");

  private final Path data;
  private final int port;
  private final Process postmaster;

  private Standby(Path data, int port, Process postmaster) {
    this.data = data;
    this.port = port;
    this.postmaster = postmaster;
  }

  /**
   * Makes a standby of {@code primary} in {@code data} on {@code port} and waits until it streams;
   * with {@code synchronous}, every commit at the primary then waits for it.
   */
  static Standby of(RestartablePostgres primary, Path data, int port, boolean synchronous)
      throws IOException, SQLException, InterruptedException {
    String admin = "jdbc:postgresql://localhost:" + primary.port() + "/postgres";
    try (Connection c = DriverManager.getConnection(admin, "postgres", "postgres");
        Statement s = c.createStatement()) {
      s.execute("SELECT pg_create_physical_replication_slot('" + NAME + "', true)");
      s.execute("SELECT pg_backup_start('saldo standby', true)");
      copy(primary.data(), data);
      try (ResultSet rs = s.executeQuery("SELECT labelfile FROM pg_backup_stop(false)")) {
        rs.next();
        Files.writeString(data.resolve("backup_label"), rs.getString(1));
      }
    }
    Files.writeString(data.resolve("standby.signal"), "");
    Files.writeString(
        data.resolve("postgresql.auto.conf"),
        "primary_conninfo = 'host=localhost port="
            + primary.port()
            + " user=postgres application_name="
            + NAME
            + "'\nprimary_slot_name = '"
            + NAME
            + "'\n",
        StandardOpenOption.APPEND);
    Process postmaster =
        new ProcessBuilder(command(primary.command(), data, port))
            .redirectErrorStream(true)
            .redirectOutput(data.resolveSibling("standby.log").toFile())
            .start();
    Standby standby = new Standby(data, port, postmaster);
    standby.awaitStreaming(primary);
    if (synchronous) {
      try (Connection c = DriverManager.getConnection(admin, "postgres", "postgres");
          Statement s = c.createStatement()) {
        s.execute("ALTER SYSTEM SET synchronous_standby_names = '" + NAME + "'");
        s.execute("SELECT pg_reload_conf()");
      }
    }
    return standby;
  }

  String url() {
    return "jdbc:postgresql://localhost:" + port + "/saldo";
  }

  int port() {
    return port;
  }

  /** The commit time of the last transaction this standby replayed. */
  Instant replayed() throws SQLException {
    try (Connection c = DriverManager.getConnection(url(), "postgres", "postgres");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_last_xact_replay_timestamp()")) {
      rs.next();
      OffsetDateTime time = rs.getObject(1, OffsetDateTime.class);
      return time == null ? Instant.EPOCH : time.toInstant();
    }
  }

  /** Ends recovery: the standby becomes a primary that takes writes. */
  void promote() throws SQLException {
    try (Connection c = DriverManager.getConnection(url(), "postgres", "postgres");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_promote(true, 30)")) {
      rs.next();
      if (!rs.getBoolean(1)) {
        throw new IllegalStateException("the standby was not promoted within 30 s");
      }
    }
  }

  /**
   * How far the standby's replay is behind the primary's commits, as the primary sees it: the
   * {@code replay_lag} of its WAL sender, or null while there is nothing to measure.
   */
  static Duration replayLag(RestartablePostgres primary) throws SQLException {
    String admin = "jdbc:postgresql://localhost:" + primary.port() + "/postgres";
    try (Connection c = DriverManager.getConnection(admin, "postgres", "postgres");
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT extract(epoch FROM replay_lag) FROM pg_stat_replication"
                    + " WHERE application_name = ?")) {
      ps.setString(1, NAME);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getObject(1) == null) {
          return null;
        }
        return Duration.ofNanos((long) (rs.getDouble(1) * 1e9));
      }
    }
  }

  private void awaitStreaming(RestartablePostgres primary)
      throws SQLException, InterruptedException {
    String admin = "jdbc:postgresql://localhost:" + primary.port() + "/postgres";
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!postmaster.isAlive()) {
        throw new IllegalStateException(
            "the standby exited; see " + data.resolveSibling("standby.log"));
      }
      try (Connection c = DriverManager.getConnection(admin, "postgres", "postgres");
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT state FROM pg_stat_replication WHERE application_name = ?")) {
        ps.setString(1, NAME);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next() && rs.getString(1).equals("streaming")) {
            return;
          }
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the standby did not start streaming within 60 s");
  }

  /** The primary's command line with this standby's data directory and port instead. */
  private static List<String> command(List<String> primary, Path data, int port) {
    List<String> command = new ArrayList<>(primary);
    for (int i = 0; i < command.size() - 1; i++) {
      if (command.get(i).equals("-D")) {
        command.set(i + 1, data.toString());
      } else if (command.get(i).equals("-p")) {
        command.set(i + 1, Integer.toString(port));
      }
    }
    return command;
  }

  /** The data directory as it is now, less what a base backup leaves out; owner-only, as initdb. */
  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(from)) {
      paths = walk.filter(p -> !p.equals(from)).toList();
    }
    for (Path path : paths) {
      Path relative = from.relativize(path);
      String top = relative.getName(0).toString();
      Path target = to.resolve(relative.toString());
      if (SKIPPED.contains(top)) {
        if (relative.getNameCount() == 1 && EMPTIED.contains(top)) {
          Files.createDirectories(target);
        }
        continue;
      }
      try {
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      } catch (NoSuchFileException | FileAlreadyExistsException gone) {
        // a temporary file the server removed while the copy ran: the WAL replays what matters
      }
    }
    Files.createDirectories(to.resolve("pg_wal/archive_status"));
  }

  /** SIGTERM, and SIGKILL if it has not stopped within 30 s. */
  @Override
  public void close() {
    postmaster.destroy();
    try {
      if (!postmaster.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        postmaster.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      postmaster.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
