package com.saldo.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts PostgreSQL and the services, prints where Saldo answers, and stays in the foreground. On
 * Ctrl-C or SIGTERM it stops the services (each finishes its in-flight requests), then the
 * database; if a service dies on its own, everything stops and the exit code says so.
 */
public final class Local {

  /**
   * The services' JVM options unless {@code SALDO_JAVA_OPTS} says otherwise. The serial collector
   * is what the JVM itself picks on a machine of one CPU; the services here share their cores, and
   * with it the services answered pos-mix at 3,000 requests/s with a p98 of 10 to 12 ms where G1
   * gave 15 to 21 ms (bench/RESULTS.md, finding 15).
   */
  static final String JAVA_OPTS = "-Xms256m -Xmx1g -XX:+UseSerialGC";

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

  private final Options options;
  private final List<Services.Service> started = new ArrayList<>();
  private Cluster cluster;
  private EmbeddedPostgres postgres;
  private Process emulator;
  private volatile boolean stopping;

  private Local(Options options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("saldo up: " + e.getMessage());
      System.err.print(Options.USAGE);
      System.exit(2);
      return;
    }
    Local local = new Local(options);
    Runtime.getRuntime().addShutdownHook(new Thread(local::stop, "saldo-stop"));
    System.exit(local.run());
  }

  private int run() throws Exception {
    List<String> taken = Ports.taken(ports());
    if (!taken.isEmpty()) {
      System.err.println(
          "saldo up: "
              + String.join(", ", taken)
              + (taken.size() == 1 ? " is" : " are")
              + " in use (another Saldo, or another program); stop it first. Nothing was started.");
      return 2;
    }
    Database database = options.spannerEmulator() ? startEmulator() : startDatabase();
    Secrets.Key operatorKey = Secrets.operatorKey(options.operatorKey(), options.home());
    Secrets.Key identityKey =
        Secrets.identityKey(System.getenv("SALDO_IDENTITY_KEY"), options.home());
    Secrets.Key webhooksKey =
        Secrets.webhooksKey(System.getenv("SALDO_WEBHOOKS_SECRET_KEY"), options.home());
    cluster =
        new Cluster(
            Path.of("").toAbsolutePath(),
            options.home().resolve("logs"),
            shared(
                database,
                "SALDO_BOOTSTRAP_OPERATOR_KEY",
                operatorKey.value(),
                "SALDO_IDENTITY_KEY",
                identityKey.value(),
                "SALDO_WEBHOOKS_SECRET_KEY",
                webhooksKey.value(),
                // the README's walkthrough delivers to a receiver on this machine
                "SALDO_WEBHOOKS_ALLOWPRIVATETARGETS",
                System.getenv().getOrDefault("SALDO_WEBHOOKS_ALLOWPRIVATETARGETS", "true")),
            System.getenv().getOrDefault("SALDO_JAVA_OPTS", JAVA_OPTS));
    Map<String, String> backends = new java.util.HashMap<>();
    for (Services.Service service : Services.ALL) {
      List<String> urls = new ArrayList<>();
      for (int i = 0; i < options.replicas(); i++) {
        urls.add("http://localhost:" + service.replica(i).port());
      }
      backends.put(
          "SALDO_" + service.name().toUpperCase(java.util.Locale.ROOT) + "_URLS",
          String.join(",", urls));
    }
    List<Services.Service> instances = new ArrayList<>();
    for (Services.Service service : Services.ALL) {
      for (int i = 0; i < options.replicas(); i++) {
        instances.add(service.replica(i));
      }
    }
    backends.putAll(Services.consoleEnvironment(Services.ALL.getLast(), instances));
    Map<String, String> shared = new java.util.HashMap<>(cluster.environment());
    shared.putAll(backends);
    EnvironmentFile.write(options.home().resolve("environment"), shared);
    for (Services.Service service : Services.ALL) {
      if (!cluster.isBuilt(service)) {
        continue;
      }
      for (int i = 0; i < options.replicas(); i++) {
        Services.Service replica = service.replica(i);
        System.out.println(
            "Starting "
                + replica.name()
                + " on "
                + replica.port()
                + " (log: "
                + cluster.log(replica)
                + ") ...");
        cluster.start(replica, onDatabase(replica, backends));
        started.add(replica);
      }
    }
    if (started.isEmpty()) {
      System.err.println("saldo up: no service is built; run ./mvnw package first");
      return 1;
    }
    for (Services.Service service : started) {
      cluster.awaitReady(service, READY_TIMEOUT);
    }
    printBanner(database, operatorKey);
    return watch();
  }

  /**
   * What every service gets: the PostgreSQL database (none on the emulator: there each service that
   * has a database is told its own, {@link #onDatabase}), then these names and values.
   */
  private Map<String, String> shared(Database database, String... namesAndValues) {
    Map<String, String> env = new java.util.HashMap<>();
    if (!options.spannerEmulator()) {
      env.put("SALDO_DATABASE_URL", database.url());
      env.put("SALDO_DATABASE_USER", database.user());
      env.put("SALDO_DATABASE_PASSWORD", database.password());
    }
    for (int i = 0; i < namesAndValues.length; i += 2) {
      env.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return env;
  }

  /** Every port this start would listen on, named by what would listen there. */
  private Map<Integer, String> ports() {
    Map<Integer, String> ports = new java.util.LinkedHashMap<>();
    if (options.spannerEmulator()) {
      ports.put(options.spannerEmulatorPort(), "the Spanner emulator");
    } else if (options.databaseUrl() == null) {
      ports.put(options.postgresPort(), "the embedded PostgreSQL");
    }
    for (Services.Service service : Services.ALL) {
      for (int i = 0; i < options.replicas(); i++) {
        Services.Service replica = service.replica(i);
        ports.put(replica.port(), replica.name());
        ports.put(replica.managementPort(), replica.name() + "'s management");
      }
    }
    return ports;
  }

  private record Database(String url, String user, String password, boolean embedded) {}

  /** The project, instance and databases Saldo uses on the emulator. */
  private static final String SPANNER_PROJECT = "saldo-local";

  private static final String SPANNER_INSTANCE = "saldo";

  /**
   * What a service gets on top of the shared environment: on the emulator, the ledger and the query
   * service share the ledger's database, the backoffice has its own, and the webhooks service has
   * its own and reads the outbox in the ledger's.
   */
  private Map<String, String> onDatabase(Services.Service replica, Map<String, String> backends) {
    if (!options.spannerEmulator() || replica.name().equals("gateway")) {
      return backends;
    }
    Map<String, String> env = new java.util.HashMap<>(backends);
    env.put("SALDO_DATABASE", "spanner");
    env.put("SALDO_SPANNER_PROJECT", SPANNER_PROJECT);
    env.put("SALDO_SPANNER_INSTANCE", SPANNER_INSTANCE);
    env.put(
        "SALDO_SPANNER_DATABASE",
        switch (replica.name()) {
          case "backoffice", "webhooks" -> replica.name();
          default -> "ledger";
        });
    env.put("SALDO_SPANNER_OUTBOX_DATABASE", "ledger");
    if (replica.name().equals("webhooks")) {
      // the emulator is one process on this machine: a relay and a poll every 100 ms rather than
      // every 20 and 25 keep an idle Saldo on it from taking a core
      env.put("SALDO_WEBHOOKS_RELAYINTERVAL", "100ms");
      env.put("SALDO_WEBHOOKS_POLLINTERVAL", "100ms");
    }
    env.put("SALDO_SPANNER_EMULATOR_HOST", "localhost:" + options.spannerEmulatorPort());
    return env;
  }

  /**
   * Starts the installed Spanner emulator, one process, on its port; the services' driver creates
   * the instance and the databases in it when they first connect.
   */
  private Database startEmulator() throws IOException, InterruptedException {
    java.util.Optional<Path> binary = com.saldo.testing.SpannerEmulator.binary();
    if (binary.isEmpty()) {
      throw new IllegalStateException(
          "no Spanner emulator installed (emulator_main of google-cloud-cli-spanner-emulator;"
              + " or set SALDO_SPANNER_EMULATOR)");
    }
    Files.createDirectories(options.home().resolve("logs"));
    Path log = options.home().resolve("logs").resolve("spanner-emulator.log");
    System.out.println(
        "Starting the Spanner emulator on "
            + options.spannerEmulatorPort()
            + " (log: "
            + log
            + ") ...");
    emulator =
        com.saldo.testing.SpannerEmulator.launch(binary.get(), options.spannerEmulatorPort(), log);
    String where =
        "projects/"
            + SPANNER_PROJECT
            + "/instances/"
            + SPANNER_INSTANCE
            + " on localhost:"
            + options.spannerEmulatorPort();
    return new Database("spanner emulator, " + where, "", "", true);
  }

  private Database startDatabase() throws IOException, SQLException {
    if (options.databaseUrl() != null) {
      return new Database(
          options.databaseUrl(), options.databaseUser(), options.databasePassword(), false);
    }
    Path data = options.home().resolve("postgres");
    if (options.fresh() && Files.exists(data)) {
      deleteTree(data);
    }
    Files.createDirectories(data);
    System.out.println("Starting the embedded PostgreSQL in " + data + " ...");
    postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setPort(options.postgresPort())
            .setServerConfig("max_connections", "300")
            // The embedded server's defaults are for tests (fsync and synchronous commit off);
            // a ledger acknowledges nothing that is not on disk.
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .setServerConfig("shared_buffers", "256MB")
            .setServerConfig("wal_buffers", "16MB")
            .setServerConfig("max_wal_size", "2GB")
            .setServerConfig("checkpoint_timeout", "15min")
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
    String admin = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    try (Connection c = DriverManager.getConnection(admin, "postgres", "postgres");
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'saldo'")) {
        if (!rs.next()) {
          s.execute("CREATE DATABASE saldo");
        }
      }
    }
    return new Database(
        "jdbc:postgresql://localhost:" + postgres.getPort() + "/saldo",
        "postgres",
        "postgres",
        true);
  }

  private void printBanner(Database database, Secrets.Key key) {
    List<String> entries =
        started.stream()
            .filter(s -> s.name().equals("gateway"))
            .map(s -> "http://localhost:" + s.port())
            .toList();
    StringBuilder banner = new StringBuilder();
    banner.append("\nSaldo is up.\n");
    banner
        .append("  URL:          ")
        .append(entries.isEmpty() ? "(no gateway built)" : String.join("  ", entries))
        .append('\n');
    if (!entries.isEmpty()) {
      banner.append("  Console:      ").append(entries.getFirst()).append("/console\n");
    }
    banner.append("  Operator key: ").append(key.value());
    banner.append(
        key.generated() ? "   (new; kept in " + options.home() + "/operator-key)\n" : "\n");
    banner.append("  Services:     ");
    banner.append(
        String.join(", ", started.stream().map(Services.Service::name).distinct().toList()));
    if (options.replicas() > 1) {
      banner.append(" (").append(options.replicas()).append(" of each)");
    }
    banner.append(" (logs in ").append(options.home().resolve("logs")).append(")\n");
    banner
        .append("  Database:     ")
        .append(database.url())
        .append(
            options.spannerEmulator()
                ? " (in memory: gone when Saldo stops)\n"
                : database.embedded() ? " (embedded)\n" : "\n");
    banner.append("Press Ctrl-C to stop.\n");
    System.out.println(banner);
  }

  /** Waits until a service exits on its own (a failure: exit code 1). */
  private int watch() throws InterruptedException {
    while (true) {
      Services.Service exited = cluster.exited();
      if (!stopping && exited != null) {
        System.err.println(
            "saldo up: "
                + exited.name()
                + " exited with "
                + cluster.exitValue(exited)
                + "; stopping everything (see "
                + cluster.log(exited)
                + ")");
        return 1;
      }
      Thread.sleep(500);
    }
  }

  /** Stops the services in reverse start order, then the database. Runs once. */
  private synchronized void stop() {
    if (stopping) {
      return;
    }
    stopping = true;
    if (cluster != null) {
      cluster.close();
    }
    if (emulator != null) {
      emulator.destroy();
      try {
        if (!emulator.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
          emulator.destroyForcibly();
        }
      } catch (InterruptedException e) {
        emulator.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        System.err.println("saldo up: stopping PostgreSQL failed: " + e.getMessage());
      }
    }
    System.out.println("Saldo stopped.");
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
