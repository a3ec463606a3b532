package com.saldo.bench;

import com.saldo.testing.ContainerImage;
import com.saldo.testing.Readiness;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a deploy pays for each new replica: starts one more replica of a service from its image,
 * beside a running Saldo and on one core, and measures the time from {@code exec} to ready and to
 * half of its warm throughput.
 *
 * <p>The replica runs the image's own Java runtime, class path, JVM flags and {@code
 * JAVA_TOOL_OPTIONS} (unpacked, as the build's training run does), with the memory a 1 GiB
 * container would give it. The moment it is ready, {@code --clients} closed-loop clients send it
 * the request that service answers most (a payment to the ledger, a history page to the query
 * service, the event feed, a key listing, a balance through the gateway). Warm throughput is the
 * mean over the run's last third; the time to half is when the throughput of a one-second window
 * first reaches half of it. {@code --variant plain} runs the same image without Spring AOT and the
 * AOT cache: the before of the comparison.
 */
final class ColdStart {

  static final List<String> SERVICES =
      List.of("ledger", "query", "webhooks", "backoffice", "gateway");

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final int BUCKET_MS = 100;
  private static final int BUCKETS_MAX = 36_000;
  private static final String MEMORY = "-XX:MaxRAM=1g";

  private final Bench.Options options;
  private final Map<String, String> environment;
  private final AtomicLongArray done = new AtomicLongArray(BUCKETS_MAX);
  private final LongAdder errors = new LongAdder();
  private final Map<Integer, LongAdder> statuses = new java.util.concurrent.ConcurrentHashMap<>();
  private long started;

  private ColdStart(Bench.Options options, Map<String, String> environment) {
    this.options = options;
    this.environment = environment;
  }

  /** Runs the measurement and prints it; false if the replica answered anything but success. */
  static boolean run(Bench.Options options) throws Exception {
    if (options.service() == null) {
      throw new IllegalArgumentException("cold-start needs --service NAME");
    }
    if (options.operatorKey() == null) {
      throw new IllegalArgumentException("no operator key: pass --operator-key or run ./saldo up");
    }
    Path file = Path.of(options.environment());
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "no " + file + ": start Saldo with ./saldo up (it writes it), or pass --environment");
    }
    return new ColdStart(options, read(file)).measure();
  }

  private boolean measure() throws Exception {
    String service = options.service();
    Path tar =
        Path.of(
            options.image() != null
                ? options.image()
                : "services/" + service + "/target/jib-image.tar");
    if (!Files.isRegularFile(tar)) {
      throw new IllegalArgumentException(
          "no image at "
              + tar
              + ": build it with ./saldo test, or ./mvnw package -Dsaldo.image.skip=false"
              + " -Dsaldo.image.base=tar://$PWD/target/images/base.tar");
    }
    Path work = Files.createTempDirectory("saldo-cold-start-");
    ContainerImage image = ContainerImage.unpack(tar, work);
    Operation operation = prepare(service);
    int port = freePort();
    int managementPort = freePort();
    Process replica = start(image, service, port, managementPort);
    try {
      Duration ready = awaitReady(replica, managementPort);
      long readyNanos = System.nanoTime() - started;
      load(operation.against("http://localhost:" + port));
      boolean ok = report(service, tar, ready, readyNanos);
      if (!ok) {
        printLogTail(work);
      }
      return ok;
    } catch (RuntimeException | IOException e) {
      printLogTail(work);
      throw e;
    } finally {
      replica.destroy();
      if (!replica.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        replica.destroyForcibly().waitFor();
      }
      deleteTree(work);
    }
  }

  /** One request of the service's workload, sent to the replica at a base URL. */
  private interface Operation {
    Call against(String base);
  }

  private interface Call {
    int send() throws IOException;
  }

  /**
   * Sets up, through the running Saldo's gateway, what the workload needs: a tenant, a merchant and
   * customers with money.
   */
  private Operation prepare(String service) throws IOException {
    Api operator = Api.withKey(options.url(), options.operatorKey());
    Api.Tenant tenant = Api.Tenant.create(operator);
    Api api = Api.withKey(options.url(), tenant.key());
    UUID funding = open(api, null);
    UUID merchant = open(api, 0L);
    List<UUID> customers = new ArrayList<>();
    List<Map<String, Object>> topUps = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      UUID customer = open(api, 0L);
      customers.add(customer);
      topUps.add(Api.transfer(UUID.randomUUID(), funding, customer, 1_000_000_000L, "top_up"));
    }
    Api.Answer batch = api.post("/v1/transfers/batch", Map.of("transfers", topUps));
    if (batch.status() != 200) {
      throw new IllegalStateException("top-ups failed: " + batch.body());
    }
    byte[] identityKey = Base64.getDecoder().decode(environment.get("SALDO_IDENTITY_KEY"));
    return base -> {
      Api direct = Api.signed(base, identityKey, tenant.id());
      Api keyed = Api.withKey(base, tenant.key());
      return switch (service) {
        case "ledger" ->
            () ->
                direct
                    .post(
                        "/v1/transfers",
                        Api.transfer(UUID.randomUUID(), pick(customers), merchant, 1, "payment"))
                    .status();
        case "query" -> () -> direct.get("/v1/accounts/" + merchant + "/entries?limit=20").status();
        case "webhooks" -> () -> direct.get("/v1/events?limit=20").status();
        case "backoffice" -> () -> direct.get("/v1/tenants/" + tenant.id() + "/api-keys").status();
        case "gateway" -> () -> keyed.get("/v1/accounts/" + pick(customers)).status();
        default -> throw new IllegalArgumentException("no workload for " + service);
      };
    };
  }

  private static UUID pick(List<UUID> accounts) {
    return accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
  }

  private static UUID open(Api api, Long minBalance) throws IOException {
    UUID id = UUID.randomUUID();
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("id", id.toString());
    body.put("currency", "EUR");
    body.put("minBalance", minBalance);
    Api.Answer answer = api.post("/v1/accounts", body);
    if (answer.status() != 201) {
      throw new IllegalStateException("cannot open an account: " + answer.body());
    }
    return id;
  }

  private Process start(ContainerImage image, String service, int port, int managementPort)
      throws IOException {
    List<String> flags = new ArrayList<>();
    for (String flag : image.relocatedFlags()) {
      boolean aot = flag.startsWith("-XX:AOTCache=") || flag.startsWith("-Dspring.aot.enabled");
      if (!(aot && options.variant().equals("plain"))) {
        flags.add(flag);
      }
    }
    List<String> command = new ArrayList<>();
    if (options.cpu() >= 0 && Files.isExecutable(Path.of("/usr/bin/taskset"))) {
      command.addAll(List.of("/usr/bin/taskset", "-c", Integer.toString(options.cpu())));
    }
    command.addAll(image.command(flags));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    String upper = service.toUpperCase(Locale.ROOT);
    builder.environment().put("SALDO_" + upper + "_PORT", Integer.toString(port));
    builder
        .environment()
        .put("SALDO_" + upper + "_MANAGEMENT_PORT", Integer.toString(managementPort));
    // the percentages of the image's options then apply to what its container would have
    builder.environment().put("JAVA_TOOL_OPTIONS", image.javaToolOptions() + " " + MEMORY);
    builder.redirectErrorStream(true);
    builder.redirectOutput(image.root().resolveSibling("replica.log").toFile());
    System.out.printf(
        "Starting a %s replica from %s (%s) on %s ...%n",
        service,
        image.root().getParent(),
        options.variant().equals("plain") ? "plain JVM" : String.join(" ", flags),
        options.cpu() >= 0 ? "core " + options.cpu() : "every core");
    started = System.nanoTime();
    return builder.start();
  }

  private Duration awaitReady(Process replica, int managementPort) throws InterruptedException {
    long ready =
        Readiness.await(
            replica,
            Readiness.probe(managementPort),
            started + READY_TIMEOUT.toNanos(),
            Duration.ofMillis(10),
            "the replica",
            "its output is above");
    return Duration.ofNanos(ready - started);
  }

  /** Closed loop for --duration from the moment the replica is ready. */
  private void load(Call call) throws InterruptedException {
    long end = System.nanoTime() + options.duration().toNanos();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < options.clients(); c++) {
      clients.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (System.nanoTime() < end) {
                      int status;
                      try {
                        status = call.send();
                      } catch (IOException e) {
                        status = -1;
                      }
                      statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                      if (status / 100 != 2) {
                        errors.increment();
                        continue;
                      }
                      int bucket = (int) ((System.nanoTime() - started) / (BUCKET_MS * 1_000_000L));
                      if (bucket < BUCKETS_MAX) {
                        done.incrementAndGet(bucket);
                      }
                    }
                  }));
    }
    for (Thread client : clients) {
      client.join();
    }
  }

  private boolean report(String service, Path tar, Duration ready, long readyNanos)
      throws IOException {
    int last = (int) ((System.nanoTime() - started) / (BUCKET_MS * 1_000_000L));
    int first = (int) (readyNanos / (BUCKET_MS * 1_000_000L));
    last = Math.min(last, BUCKETS_MAX);
    int warmFrom = last - (last - first) / 3;
    long warmCount = 0;
    for (int b = warmFrom; b < last; b++) {
      warmCount += done.get(b);
    }
    double warm = warmCount * 1000.0 / ((last - warmFrom) * (double) BUCKET_MS);
    int window = 1000 / BUCKET_MS;
    Double halfAt = null;
    long inWindow = 0;
    for (int b = first; b < last && halfAt == null; b++) {
      inWindow += done.get(b) - (b - window >= first ? done.get(b - window) : 0);
      if (b - first + 1 >= window && inWindow >= warm / 2) {
        halfAt = (b + 1) * BUCKET_MS / 1000.0;
      }
    }
    double[] perSecond = new double[(last + window - 1) / window];
    for (int b = 0; b < last; b++) {
      perSecond[b / window] += done.get(b);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("workload", "cold-start");
    json.put("service", service);
    json.put("image", tar.toString());
    json.put("variant", options.variant());
    json.put("cpu", options.cpu());
    json.put("clients", options.clients());
    json.put("readySeconds", ready.toMillis() / 1000.0);
    json.put("warmPerSecond", Math.round(warm));
    json.put("halfOfWarmSeconds", halfAt);
    json.put("errors", errors.sum());
    json.put("statuses", new java.util.TreeMap<>(statuses));
    json.put("throughputPerSecondSinceExec", perSecond);
    Path dir = Path.of(options.reportDir());
    Files.createDirectories(dir);
    Path out =
        dir.resolve(
            "cold-start-"
                + service
                + "-"
                + options.variant()
                + "-"
                + System.currentTimeMillis()
                + ".json");
    Files.writeString(out, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    System.out.printf(
        "%n%s (%s): ready %.2f s after exec; warm %,.0f requests/s (the last third of %s);"
            + " half of that %s%n",
        service,
        options.variant(),
        ready.toMillis() / 1000.0,
        warm,
        options.duration().toSeconds() + " s",
        halfAt == null ? "never reached" : String.format("%.1f s after exec", halfAt));
    System.out.printf("answers      %s%n", new java.util.TreeMap<>(statuses));
    System.out.printf("errors       %d%n", errors.sum());
    System.out.printf("report       %s%n", out);
    return errors.sum() == 0 && halfAt != null;
  }

  private static void printLogTail(Path work) throws IOException {
    Path log = work.resolve("replica.log");
    if (Files.exists(log)) {
      List<String> lines = Files.readAllLines(log);
      System.out.println("the replica's log, last lines:");
      lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.out::println);
    }
  }

  /** {@code KEY=value} lines; blank lines and lines starting with # are passed over. */
  static Map<String, String> read(Path file) throws IOException {
    Map<String, String> environment = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int equals = line.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException(file + ": not KEY=value: " + line);
      }
      environment.put(line.substring(0, equals), line.substring(equals + 1));
    }
    if (!environment.containsKey("SALDO_IDENTITY_KEY")) {
      throw new IllegalArgumentException(file + " has no SALDO_IDENTITY_KEY");
    }
    return environment;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
