package com.saldo.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts PostgreSQL and the services, prints where Saldo answers, and stays in the foreground. On
 * Ctrl-C or SIGTERM it stops the services (each finishes its in-flight requests), then the
 * database; if a service dies on its own, everything stops and the exit code says so.
 */
public final class Local {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Options options;
  private final List<Process> processes = new ArrayList<>();
  private final List<Services.Service> started = new ArrayList<>();
  private EmbeddedPostgres postgres;
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
    int exit = local.run();
    System.exit(exit);
  }

  private int run() throws Exception {
    Files.createDirectories(options.home().resolve("logs"));
    Database database = startDatabase();
    OperatorKey.Key key = OperatorKey.resolve(options.operatorKey(), options.home());
    for (Services.Service service : Services.ALL) {
      if (Files.exists(Path.of(service.jar()))) {
        start(service, database, key.value());
      }
    }
    if (started.isEmpty()) {
      System.err.println("saldo up: no service is built; run ./mvnw package first");
      return 1;
    }
    for (Services.Service service : started) {
      awaitReady(service);
    }
    printBanner(database, key);
    return watch();
  }

  private record Database(String url, String user, String password, boolean embedded) {}

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

  private void start(Services.Service service, Database database, String operatorKey)
      throws IOException {
    Path log = options.home().resolve("logs").resolve(service.name() + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String javaOptions = System.getenv().getOrDefault("SALDO_JAVA_OPTS", "-Xms256m -Xmx1g");
    command.addAll(List.of(javaOptions.trim().split("\\s+")));
    command.add("-jar");
    command.add(service.jar());
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = new HashMap<>(builder.environment());
    env.put("SALDO_DATABASE_URL", database.url());
    env.put("SALDO_DATABASE_USER", database.user());
    env.put("SALDO_DATABASE_PASSWORD", database.password());
    env.put("SALDO_BOOTSTRAP_OPERATOR_KEY", operatorKey);
    String upper = service.name().toUpperCase(java.util.Locale.ROOT);
    env.put("SALDO_" + upper + "_PORT", Integer.toString(service.port()));
    env.put("SALDO_" + upper + "_MANAGEMENT_PORT", Integer.toString(service.managementPort()));
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    System.out.println("Starting " + service.name() + " (log: " + log + ") ...");
    processes.add(builder.start());
    started.add(service);
  }

  private void awaitReady(Services.Service service) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    URI readiness =
        URI.create("http://localhost:" + service.managementPort() + "/actuator/health/readiness");
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    Process process = processes.get(started.indexOf(service));
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            service.name() + " exited with " + process.exitValue() + "; see its log");
      }
      try {
        HttpResponse<Void> answer =
            client.send(
                HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(service.name() + " was not ready within " + READY_TIMEOUT);
  }

  private void printBanner(Database database, OperatorKey.Key key) {
    Services.Service entry =
        started.stream()
            .filter(s -> s.name().equals("gateway"))
            .findFirst()
            .orElse(started.getFirst());
    StringBuilder banner = new StringBuilder();
    banner.append("\nSaldo is up.\n");
    banner.append("  URL:          http://localhost:").append(entry.port()).append('\n');
    banner.append("  Operator key: ").append(key.value());
    banner.append(
        key.generated() ? "   (new; kept in " + options.home() + "/operator-key)\n" : "\n");
    banner.append("  Services:     ");
    for (Services.Service s : started) {
      banner.append(s.name()).append(" :").append(s.port()).append("  ");
    }
    banner.append('\n');
    banner
        .append("  Database:     ")
        .append(database.url())
        .append(database.embedded() ? " (embedded)\n" : "\n");
    banner.append("Press Ctrl-C to stop.\n");
    System.out.println(banner);
  }

  /** Waits until a service exits on its own (a failure: exit code 1). */
  private int watch() throws InterruptedException {
    while (true) {
      for (int i = 0; i < processes.size(); i++) {
        if (!stopping && !processes.get(i).isAlive()) {
          System.err.println(
              "saldo up: "
                  + started.get(i).name()
                  + " exited with "
                  + processes.get(i).exitValue()
                  + "; stopping everything");
          return 1;
        }
      }
      Thread.sleep(500);
    }
  }

  /** Stops the services in reverse start order, then the database. Runs once. */
  private synchronized void stop() {
    stopping = true;
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).destroy();
    }
    for (Process process : processes) {
      try {
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
      }
    }
    processes.clear();
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        System.err.println("saldo up: stopping PostgreSQL failed: " + e.getMessage());
      }
      postgres = null;
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
