package com.saldo.local;

import com.saldo.testing.Readiness;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Saldo's services as processes of their own, each started from its jar with its ports and the
 * shared environment, its output in a log file. Used by {@code ./saldo up} and by the system tests,
 * which also kill and restart services.
 */
public final class Cluster implements AutoCloseable {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Path root;
  private final Path logs;
  private final Map<String, String> environment;
  private final List<String> javaOptions;
  private final Map<Services.Service, Process> processes = new LinkedHashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  /**
   * @param root the checkout, where {@code services/NAME/target/NAME.jar} are
   * @param logs where each service's output goes
   * @param environment what every service gets (database, identity key, operator key)
   */
  public Cluster(Path root, Path logs, Map<String, String> environment, String javaOptions) {
    this.root = root;
    this.logs = logs;
    this.environment = Map.copyOf(environment);
    this.javaOptions = List.of(javaOptions.trim().split("\\s+"));
  }

  /** What every service gets, whatever its own settings. */
  public Map<String, String> environment() {
    return environment;
  }

  public boolean isBuilt(Services.Service service) {
    return Files.exists(root.resolve(service.jar()));
  }

  /** Starts a service; {@code extra} adds to or overrides the shared environment. */
  public synchronized void start(Services.Service service, Map<String, String> extra)
      throws IOException {
    start(service, extra, javaOptions);
  }

  /** Starts a service with JVM options of its own (a small heap, say). */
  public synchronized void start(
      Services.Service service, Map<String, String> extra, List<String> jvmOptions)
      throws IOException {
    Files.createDirectories(logs);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // the services' jars carry the bean definitions Spring AOT computed in the build
    command.add("-Dspring.aot.enabled=true");
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(root.resolve(service.jar()).toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = new HashMap<>(builder.environment());
    env.putAll(environment);
    String upper = service.name().toUpperCase(Locale.ROOT);
    env.put("SALDO_" + upper + "_PORT", Integer.toString(service.port()));
    env.put("SALDO_" + upper + "_MANAGEMENT_PORT", Integer.toString(service.managementPort()));
    env.putAll(extra);
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    builder.redirectOutput(
        ProcessBuilder.Redirect.appendTo(
            logs.resolve(service.name() + "-" + service.port() + ".log").toFile()));
    processes.put(service, builder.start());
  }

  public Path log(Services.Service service) {
    return logs.resolve(service.name() + "-" + service.port() + ".log");
  }

  /** Waits until the service answers ready on its management port. */
  public void awaitReady(Services.Service service, Duration timeout) throws InterruptedException {
    Readiness.await(
        processes.get(service),
        Readiness.probe(service.managementPort()),
        System.nanoTime() + timeout.toNanos(),
        Duration.ofMillis(100),
        service.name(),
        "see " + log(service));
  }

  /** The first service that exited although nobody stopped it, if any. */
  public synchronized Services.Service exited() {
    for (Map.Entry<Services.Service, Process> entry : processes.entrySet()) {
      if (!entry.getValue().isAlive()) {
        return entry.getKey();
      }
    }
    return null;
  }

  public synchronized int exitValue(Services.Service service) {
    return processes.get(service).exitValue();
  }

  /** SIGTERM, then waits for a graceful exit (SIGKILL after the stop timeout). */
  public synchronized void stop(Services.Service service) throws InterruptedException {
    Process process = processes.remove(service);
    if (process != null) {
      process.destroy();
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /** SIGKILL: the process gets no chance to finish anything. */
  public synchronized void kill(Services.Service service) throws InterruptedException {
    Process process = processes.remove(service);
    if (process != null) {
      process.destroyForcibly().waitFor();
    }
  }

  /** Stops every service, the last started first, each with SIGTERM and a grace period. */
  @Override
  public synchronized void close() {
    List<Services.Service> started = new ArrayList<>(processes.keySet());
    for (Services.Service service : started.reversed()) {
      processes.get(service).destroy();
    }
    for (Services.Service service : started) {
      Process process = processes.remove(service);
      try {
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
