package com.saldo.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A service's schema on Spanner: the DDL scripts {@code V<n>__<what>.sql} under its location
 * (Flyway's naming; Flyway itself does not speak Spanner's PostgreSQL dialect), each applied once,
 * in order, as one DDL batch, and recorded in {@code schema_history}. Replicas that start together
 * may both try a version: Spanner refuses the second batch (its tables exist), and the history
 * decides. A version already applied whose script has changed since is refused at start, as Flyway
 * refuses it.
 */
public final class SpannerSchema {

  private static final Logger log = LoggerFactory.getLogger(SpannerSchema.class);
  private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.sql");
  private static final String HISTORY =
      "CREATE TABLE IF NOT EXISTS schema_history (version bigint NOT NULL PRIMARY KEY,"
          + " description varchar(256) NOT NULL, checksum varchar(64) NOT NULL,"
          + " applied_at timestamptz NOT NULL)";

  /** How long a replica waits for another's DDL batch to be recorded. */
  private static final java.time.Duration OTHERS_BATCH = java.time.Duration.ofSeconds(60);

  private SpannerSchema() {}

  /** One script: its version, what it does, its statements and their checksum. */
  record Script(long version, String description, List<String> statements, String checksum) {}

  /**
   * Applies every script under {@code location} (a {@code classpath:} folder) that the database has
   * not applied yet; returns how many it applied.
   */
  public static int migrate(DataSource dataSource, String location) {
    List<Script> scripts = scripts(location);
    if (scripts.isEmpty()) {
      throw new IllegalStateException(
          "no Spanner schema under " + location + ": this service does not run on Spanner yet");
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      createHistory(c);
      int applied = 0;
      for (Script script : scripts) {
        String known = checksum(c, script.version());
        if (known != null) {
          if (!known.equals(script.checksum())) {
            throw new IllegalStateException(
                "Spanner schema version "
                    + script.version()
                    + " was applied from another script than "
                    + location
                    + " holds now; a migration is never edited, add the next version");
          }
          continue;
        }
        if (apply(c, script)) {
          applied++;
        }
      }
      return applied;
    } catch (SQLException e) {
      throw Dialect.SPANNER.translate(e);
    }
  }

  /** The history table, made once; another replica's schema change first is waited for. */
  private static void createHistory(Connection c) throws SQLException {
    long deadline = System.nanoTime() + OTHERS_BATCH.toNanos();
    while (true) {
      try (Statement s = c.createStatement()) {
        s.execute(HISTORY);
        return;
      } catch (SQLException e) {
        if (!refusedForAnother(e) || System.nanoTime() > deadline) {
          throw e;
        }
        pause();
      }
    }
  }

  /** Applies one script; false when another replica applied it meanwhile. */
  private static boolean apply(Connection c, Script script) throws SQLException {
    long started = System.nanoTime();
    long deadline = started + OTHERS_BATCH.toNanos();
    while (true) {
      try (Statement s = c.createStatement()) {
        s.execute("START BATCH DDL");
        for (String statement : script.statements()) {
          s.execute(statement);
        }
        s.execute("RUN BATCH");
        break;
      } catch (SQLException e) {
        if (refusedForAnother(e) && System.nanoTime() < deadline) {
          // another replica's batch runs now: either it applies this version, or this one's
          // turn comes when it is done
          if (checksum(c, script.version()) != null) {
            return false;
          }
          pause();
          continue;
        }
        if (appliedByAnother(c, script.version())) {
          return false;
        }
        throw e;
      }
    }
    Database.update(
        c,
        "INSERT INTO schema_history (version, description, checksum, applied_at)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (version) DO NOTHING",
        script.version(),
        script.description(),
        script.checksum(),
        Instant.now());
    log.info(
        "Spanner schema version {} ({}) applied in {} ms",
        script.version(),
        script.description(),
        (System.nanoTime() - started) / 1_000_000);
    return true;
  }

  /** Spanner refused the batch, applying none of it, because another change runs. */
  private static boolean refusedForAnother(SQLException e) {
    return String.valueOf(e.getMessage()).contains("concurrent schema change");
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for another schema change", e);
    }
  }

  /**
   * Whether another replica applied the version while this one tried: Spanner refuses a DDL batch
   * while another runs (or finds its tables made), and the other records the version once its batch
   * is done, so this one waits for that record a while.
   */
  private static boolean appliedByAnother(Connection c, long version) throws SQLException {
    long deadline = System.nanoTime() + OTHERS_BATCH.toNanos();
    while (true) {
      if (checksum(c, version) != null) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      pause();
    }
  }

  private static String checksum(Connection c, long version) throws SQLException {
    return Database.first(
            c,
            "SELECT checksum FROM schema_history WHERE version = ?",
            rs -> rs.getString(1),
            version)
        .orElse(null);
  }

  /** The scripts under {@code location}, by version. */
  static List<Script> scripts(String location) {
    try {
      Resource[] found =
          new PathMatchingResourcePatternResolver()
              .getResources(location.replaceAll("/+$", "") + "/V*__*.sql");
      List<Script> scripts = new ArrayList<>();
      for (Resource resource : found) {
        Matcher name = NAME.matcher(String.valueOf(resource.getFilename()));
        if (!name.matches()) {
          continue;
        }
        String text = resource.getContentAsString(StandardCharsets.UTF_8);
        scripts.add(
            new Script(
                Long.parseLong(name.group(1)),
                name.group(2).replace('_', ' '),
                statements(text),
                sha256(text)));
      }
      scripts.sort(Comparator.comparingLong(Script::version));
      for (int i = 1; i < scripts.size(); i++) {
        if (scripts.get(i).version() == scripts.get(i - 1).version()) {
          throw new IllegalStateException(
              "two Spanner scripts of version " + scripts.get(i).version() + " in " + location);
        }
      }
      return scripts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The statements of a script: separated by {@code ;}, with {@code --} comments dropped. */
  static List<String> statements(String text) {
    StringBuilder kept = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      int comment = line.indexOf("--");
      kept.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
    }
    return Arrays.stream(kept.toString().split(";"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
