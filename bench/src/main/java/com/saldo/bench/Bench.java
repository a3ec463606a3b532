package com.saldo.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import tools.jackson.databind.JsonNode;

/**
 * Runs one workload against a running Saldo: sets up a tenant with customers and merchants, warms
 * up, runs closed-loop clients for a fixed time, prints the latency table, and checks that money
 * was conserved and that acknowledged transfers exist.
 *
 * <p>usage: bench WORKLOAD [--url URL] [--clients N] [--duration 30s] [--warmup 20s] [--customers
 * N] [--merchants N] [--endpoints N]; workloads: hot-merchant, pos-mix, batch, reads, webhooks.
 */
public final class Bench {

  private static final int ATTEMPTS_MAX = 5;
  private static final long REQUESTS_MAX = 50_000_000;

  /** Acknowledged transfers remembered for the final check (about 100 bytes each). */
  private static final int ACKNOWLEDGED_MAX = 5_000_000;

  private static final List<String> WORKLOADS =
      List.of("hot-merchant", "pos-mix", "batch", "reads", "webhooks", "console", "cold-start");

  private final Options options;
  private WebhooksWorkload hooks;
  private ConsoleWorkload console;
  private String tenantKey;
  private Api api;
  private Api load;
  private final UUID funding = UUID.randomUUID();
  private final List<UUID> customers = new ArrayList<>();
  private final List<UUID> merchants = new ArrayList<>();
  private final Recorder latencies = new Recorder(3);
  private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

  /**
   * The answer time of each call by operation (payment, balance, ...), retries included and the
   * wait for a free client excluded: which operations make the tail.
   */
  private final Map<String, Recorder> byOperation = new ConcurrentHashMap<>();

  private final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
  private final LongAdder transfersDone = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder unchecked = new LongAdder();

  /**
   * When the current phase (warm-up, then the measured run) began. Every operation is counted the
   * same way in both phases, and the counts are cleared when the measured run begins. When a branch
   * was taken only once measuring started, the first seconds of every run showed stalls of 50 to
   * 190 ms that were the load generator's own (most likely the JIT recompiling its hot path for the
   * new branch, on the core it shares with PostgreSQL); with one path they are gone.
   */
  private volatile long runStart = System.nanoTime();

  private final java.util.concurrent.atomic.AtomicLongArray perSecond =
      new java.util.concurrent.atomic.AtomicLongArray(3600);

  /** The slowest operation that ended in each second of the run, in microseconds. */
  private final java.util.concurrent.atomic.AtomicLongArray slowestPerSecond =
      new java.util.concurrent.atomic.AtomicLongArray(3600);

  record Options(
      String workload,
      String url,
      String operatorKey,
      String direct,
      int clients,
      Duration duration,
      Duration warmup,
      int customers,
      int merchants,
      int rate,
      int vcpus,
      int endpoints,
      int entries,
      String reportDir,
      String service,
      String image,
      String variant,
      int cpu,
      String environment) {

    static final String USAGE =
        """
        usage: ./saldo bench WORKLOAD [--flag value ...]
        workloads: pos-mix, hot-merchant, batch, reads, webhooks, console, cold-start
                   (see bench/README.md)
          --url URL           the gateway (default http://localhost:8080)
          --operator-key KEY  an operator key (default: .saldo/operator-key)
          --direct URL        the ledger, for the final check only (default: through the gateway)
          --clients N         concurrent clients (default 64; batch 4)
          --rate N            open loop at N requests/s (default 0: closed loop)
          --duration 30s      the measured run
          --warmup 20s        the run before it, not measured
          --customers N       customer accounts set up (default 10000)
          --merchants N       merchant accounts set up (default 100)
          --vcpus N           vCPUs the services ran on, for the ratio to the reference (default 1)
          --endpoints N       webhooks workload: tenants, each with one webhook (default 100)
          --entries N         console workload: entries of the account whose page is read
                              (default 1000000)
          --report-dir DIR    where the JSON and HTML reports go (default bench/reports)
        cold-start: starts one more replica of --service from its image beside a running Saldo
          --service NAME      ledger, query, webhooks, backoffice or gateway
          --image TAR         the image (default services/NAME/target/jib-image.tar)
          --variant V         image: as the image starts (Spring AOT and the AOT cache);
                              plain: the same image without either (default image)
          --cpu N             the one core the replica runs on (default 1; -1: unpinned)
          --environment FILE  what a replica needs to join (default .saldo/environment)
        """;

    private static final Set<String> FLAGS =
        Set.of(
            "url",
            "operator-key",
            "direct",
            "clients",
            "rate",
            "duration",
            "warmup",
            "customers",
            "merchants",
            "vcpus",
            "endpoints",
            "entries",
            "report-dir",
            "service",
            "image",
            "variant",
            "cpu",
            "environment");

    static Options parse(String[] args) {
      if (args.length == 0) {
        throw new IllegalArgumentException("name a workload: " + String.join(", ", WORKLOADS));
      }
      Map<String, String> flags = new TreeMap<>();
      for (int i = 1; i < args.length; i += 2) {
        if (!args[i].startsWith("--") || i + 1 >= args.length) {
          throw new IllegalArgumentException("expected --flag value, got " + args[i]);
        }
        String flag = args[i].substring(2);
        if (!FLAGS.contains(flag)) {
          throw new IllegalArgumentException("unknown flag " + args[i]);
        }
        if (flags.put(flag, args[i + 1]) != null) {
          throw new IllegalArgumentException(args[i] + " given twice");
        }
      }
      String workload = args[0];
      if (!WORKLOADS.contains(workload)) {
        throw new IllegalArgumentException("unknown workload " + workload);
      }
      return new Options(
          workload,
          flags.getOrDefault("url", "http://localhost:8080"),
          flags.getOrDefault("operator-key", readOrNull(".saldo/operator-key")),
          flags.get("direct"),
          bounded(flags.getOrDefault("clients", defaultClients(workload)), 1, 4096),
          duration(
              "--duration",
              flags.getOrDefault("duration", workload.equals("cold-start") ? "60s" : "30s"),
              Duration.ofSeconds(workload.equals("cold-start") ? 3 : 1),
              Duration.ofHours(24)),
          duration(
              "--warmup", flags.getOrDefault("warmup", "20s"), Duration.ZERO, Duration.ofHours(1)),
          bounded(flags.getOrDefault("customers", "10000"), 1, 1_000_000),
          bounded(flags.getOrDefault("merchants", "100"), 1, 10_000),
          bounded(flags.getOrDefault("rate", "0"), 0, 1_000_000),
          bounded(flags.getOrDefault("vcpus", "1"), 1, 1024),
          bounded(flags.getOrDefault("endpoints", "100"), 1, 10_000),
          bounded(flags.getOrDefault("entries", "1000000"), 1, 10_000_000),
          flags.getOrDefault("report-dir", "bench/reports"),
          oneOf(flags.get("service"), ColdStart.SERVICES, "--service"),
          flags.get("image"),
          oneOf(flags.getOrDefault("variant", "image"), List.of("image", "plain"), "--variant"),
          bounded(flags.getOrDefault("cpu", "1"), -1, 1023),
          flags.getOrDefault("environment", ".saldo/environment"));
    }

    private static String oneOf(String value, List<String> allowed, String flag) {
      if (value != null && !allowed.contains(value)) {
        throw new IllegalArgumentException(flag + " must be one of " + String.join(", ", allowed));
      }
      return value;
    }

    private static String defaultClients(String workload) {
      return switch (workload) {
        case "batch" -> "4";
        case "cold-start" -> "16";
        default -> "64";
      };
    }

    private static String readOrNull(String file) {
      try {
        return java.nio.file.Files.readString(java.nio.file.Path.of(file)).strip();
      } catch (IOException e) {
        return null;
      }
    }

    /**
     * A time such as {@code 30s} or {@code 2m} within {@code [min, max]}: a cold start measured
     * over less than 3 s has no last third to call warm.
     */
    private static Duration duration(String flag, String text, Duration min, Duration max) {
      Duration value;
      try {
        value = Duration.parse("PT" + text.toUpperCase(Locale.ROOT));
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException(flag + " must be a time such as 30s or 2m, not " + text);
      }
      if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
        throw new IllegalArgumentException(
            flag
                + " "
                + text
                + " is not within "
                + min.toSeconds()
                + "s.."
                + max.toSeconds()
                + "s");
      }
      return value;
    }

    private static int bounded(String text, int min, int max) {
      int value = Integer.parseInt(text);
      if (value < min || value > max) {
        throw new IllegalArgumentException(text + " is not within " + min + ".." + max);
      }
      return value;
    }
  }

  Bench(Options options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    java.util.Locale.setDefault(java.util.Locale.ROOT);
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      boolean help = args.length > 0 && List.of("help", "-h", "--help").contains(args[0]);
      if (!help) {
        System.err.println("bench: " + e.getMessage());
      }
      System.err.print(Options.USAGE);
      System.exit(help ? 0 : 2);
      return;
    }
    if (options.workload().equals("cold-start")) {
      try {
        System.exit(ColdStart.run(options) ? 0 : 1);
      } catch (IllegalArgumentException e) {
        System.err.println("bench: " + e.getMessage());
        System.exit(2);
      }
      return;
    }
    Bench bench = new Bench(options);
    bench.setUp();
    bench.run();
    boolean ok =
        bench.hooks == null
            ? bench.verify()
            : bench.hooks.report(bench.acknowledged, Duration.ofSeconds(60));
    System.exit(ok ? 0 : 1);
  }

  /** Makes the bench's own tenant and a key with every tenant scope, as an operator. */
  private void setUpTenant() throws IOException, InterruptedException {
    require(
        options.operatorKey() != null,
        "no operator key: pass --operator-key or run ./saldo up first");
    Api operator = Api.withKey(options.url(), options.operatorKey());
    Api.Tenant tenant = Api.Tenant.create(operator);
    UUID tenantId = tenant.id();
    tenantKey = tenant.key();
    api = Api.withKey(options.url(), tenantKey);
    load = api;
    if (options.workload().equals("webhooks")) {
      hooks = new WebhooksWorkload();
      hooks.setUp(operator, options.url(), options.endpoints());
    }
    if (options.direct() != null) {
      byte[] identityKey =
          java.util.Base64.getDecoder()
              .decode(
                  java.nio.file.Files.readString(java.nio.file.Path.of(".saldo/identity-key"))
                      .strip());
      load = Api.signed(options.direct(), identityKey, tenantId);
    }
  }

  private void setUp() throws Exception {
    setUpTenant();
    if (options.workload().equals("console")) {
      console = ConsoleWorkload.setUp(api, options.url(), tenantKey, options.entries());
      return;
    }
    if (hooks != null) {
      System.out.printf("Set up %d tenants with a webhook each%n", options.endpoints());
      return;
    }
    System.out.printf(
        "Setting up %d customers and %d merchants at %s ...%n",
        options.customers(), options.merchants(), options.url());
    open(funding, null);
    for (int i = 0; i < options.merchants(); i++) {
      UUID id = UUID.randomUUID();
      open(id, 0L);
      merchants.add(id);
    }
    List<Map<String, Object>> topUps = new ArrayList<>();
    for (int i = 0; i < options.customers(); i++) {
      UUID id = UUID.randomUUID();
      open(id, 0L);
      customers.add(id);
      topUps.add(Api.transfer(UUID.randomUUID(), funding, id, 1_000_000_000_000L, "top_up"));
      if (topUps.size() == 1000 || i == options.customers() - 1) {
        Api.Answer answer = api.post("/v1/transfers/batch", Map.of("transfers", topUps));
        require(answer.status() == 200, "top-up batch failed: " + answer.body());
        topUps = new ArrayList<>();
      }
    }
  }

  private void open(UUID id, Long minBalance) throws IOException, InterruptedException {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("id", id.toString());
    body.put("currency", "EUR");
    body.put("minBalance", minBalance);
    Api.Answer answer = api.post("/v1/accounts", body);
    require(answer.status() == 201 || answer.status() == 200, "open failed: " + answer.body());
  }

  private void run() throws Exception {
    long end = System.nanoTime() + options.warmup().plus(options.duration()).toNanos();
    List<Thread> threads = new ArrayList<>();
    LongAdder sent = new LongAdder();
    if (options.rate() == 0) {
      for (int c = 0; c < options.clients(); c++) {
        threads.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      Client client = new Client();
                      while (System.nanoTime() < end && sent.sum() < REQUESTS_MAX) {
                        sent.increment();
                        long start = System.nanoTime();
                        client.step();
                        record(start);
                      }
                    }));
      }
    } else {
      threads.add(Thread.ofPlatform().name("bench-schedule").start(() -> schedule(end, sent)));
    }
    Thread.sleep(options.warmup().toMillis());
    runStart = System.nanoTime();
    latencies.reset();
    if (hooks != null) {
      hooks.resetLatency();
    }
    outcomes.values().forEach(LongAdder::reset);
    byOperation.values().forEach(Recorder::reset);
    transfersDone.reset();
    retries.reset();
    for (int i = 0; i < perSecond.length(); i++) {
      perSecond.set(i, 0);
      slowestPerSecond.set(i, 0);
    }
    long start = System.nanoTime();
    for (Thread thread : threads) {
      thread.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    report(latencies.getIntervalHistogram(), seconds);
  }

  /**
   * Open loop: operation k is due at start + k / rate, whether or not earlier ones are done; its
   * latency counts from when it was due, so a stall shows in the percentiles instead of hiding in
   * fewer requests (coordinated omission corrected). At most {@code clients} operations are in
   * flight; one that must wait for a free client waits on its own clock.
   */
  private void schedule(long end, LongAdder sent) {
    java.util.concurrent.BlockingQueue<Client> pool =
        new java.util.concurrent.ArrayBlockingQueue<>(options.clients());
    for (int c = 0; c < options.clients(); c++) {
      pool.add(new Client());
    }
    long interval = 1_000_000_000L / options.rate();
    long first = System.nanoTime();
    try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (long k = 0; sent.sum() < REQUESTS_MAX; k++) {
        long due = first + k * interval;
        if (due >= end) {
          break;
        }
        long wait = due - System.nanoTime();
        if (wait > 0) {
          java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
        sent.increment();
        executor.submit(
            () -> {
              Client client = pool.take();
              try {
                client.step();
              } finally {
                pool.add(client);
              }
              record(due);
              return null;
            });
      }
    }
  }

  private void record(long dueNanos) {
    long now = System.nanoTime();
    long micros = Math.max(1, (now - dueNanos) / 1000);
    latencies.recordValue(micros);
    int second = (int) ((now - runStart) / 1_000_000_000L);
    if (second >= 0 && second < perSecond.length()) {
      perSecond.incrementAndGet(second);
      slowestPerSecond.accumulateAndGet(second, micros, Math::max);
    }
  }

  /** One closed-loop client: does one operation of the workload per step. */
  private final class Client {
    private final ThreadLocalRandom random = ThreadLocalRandom.current();
    private final List<UUID> myHolds = new ArrayList<>();
    private final List<UUID[]> myPayments = new ArrayList<>();

    void step() {
      switch (options.workload()) {
        case "hot-merchant" -> pay(merchants.getFirst());
        case "webhooks" -> {
          WebhooksWorkload.Shop shop = hooks.anyShop();
          UUID id = UUID.randomUUID();
          Map<String, Object> body =
              Api.transfer(
                  id, shop.customer(), shop.merchant(), 1 + random.nextInt(500), "payment");
          if (status(call(shop.api(), "payment", "POST", "/v1/transfers", body)) == 201) {
            acknowledge(id);
          }
        }
        case "batch" -> batch();
        case "console" -> call(console.pages(), "account page", "GET", console.path(), null);
        case "reads" -> {
          if (random.nextBoolean()) {
            call("balance", "GET", "/v1/accounts/" + customer(), null);
          } else {
            call("history", "GET", "/v1/transfers?accountId=" + customer() + "&limit=20", null);
          }
        }
        default -> posMix();
      }
    }

    /**
     * The pos-mix: 40% balance, 20% history, 20% payment, 5% top-up, 5% hold, 5% capture or void,
     * 5% refund.
     */
    private void posMix() {
      int dice = random.nextInt(100);
      if (dice < 40) {
        call("balance", "GET", "/v1/accounts/" + customer(), null);
      } else if (dice < 60) {
        call("history", "GET", "/v1/transfers?accountId=" + customer() + "&limit=20", null);
      } else if (dice < 80) {
        pay(merchants.get(random.nextInt(merchants.size())));
      } else if (dice < 85) {
        transfer("top_up", funding, customer(), 1 + random.nextInt(10_000), false);
      } else if (dice < 90) {
        UUID hold = transfer("payment", customer(), merchant(), 1 + random.nextInt(5_000), true);
        if (hold != null) {
          myHolds.add(hold);
        }
      } else if (dice < 95) {
        if (myHolds.isEmpty()) {
          pay(merchant());
        } else {
          UUID hold = myHolds.removeLast();
          String action = random.nextInt(3) == 0 ? "void" : "capture";
          call(action, "POST", "/v1/transfers/" + hold + "/" + action, Map.of());
        }
      } else {
        if (myPayments.isEmpty()) {
          pay(merchant());
        } else {
          UUID[] payment = myPayments.removeLast();
          UUID id = UUID.randomUUID();
          Map<String, Object> body =
              new java.util.HashMap<>(Api.transfer(id, payment[2], payment[1], 1, "refund"));
          body.put("refundOf", payment[0].toString());
          if (status(call("refund", "POST", "/v1/transfers", body)) == 201) {
            acknowledge(id);
          }
        }
      }
    }

    private void pay(UUID merchant) {
      UUID customer = customer();
      UUID id = transfer("payment", customer, merchant, 1 + random.nextInt(5_000), false);
      if (id != null && myPayments.size() < 100) {
        myPayments.add(new UUID[] {id, customer, merchant});
      }
    }

    private UUID transfer(String kind, UUID debit, UUID credit, long amount, boolean hold) {
      UUID id = UUID.randomUUID();
      Map<String, Object> body =
          new java.util.HashMap<>(Api.transfer(id, debit, credit, amount, kind));
      if (hold) {
        body.put("hold", true);
      }
      int status = status(call(hold ? "hold" : kind, "POST", "/v1/transfers", body));
      if (status == 201 || status == 200) {
        acknowledge(id);
        return id;
      }
      return null;
    }

    private void batch() {
      List<Map<String, Object>> transfers = new ArrayList<>(1000);
      for (int i = 0; i < 1000; i++) {
        transfers.add(Api.transfer(UUID.randomUUID(), customer(), merchant(), 1, "payment"));
      }
      Api.Answer answer =
          call("batch", "POST", "/v1/transfers/batch", Map.of("transfers", transfers));
      if (status(answer) == 200) {
        int posted = 0;
        for (JsonNode result : answer.json().get("results")) {
          if (result.has("status")) {
            acknowledge(UUID.fromString(result.get("id").asString()));
            posted++;
          }
        }
        transfersDone.add(posted);
      }
    }

    /** Remembers an acknowledged transfer for the final check, up to a bound. */
    private void acknowledge(UUID id) {
      if (acknowledged.size() < ACKNOWLEDGED_MAX) {
        acknowledged.add(id);
      } else {
        unchecked.increment();
      }
    }

    private UUID customer() {
      return customers.get(random.nextInt(customers.size()));
    }

    private UUID merchant() {
      return merchants.get(random.nextInt(merchants.size()));
    }

    /**
     * Sends one request, retrying the very same request after a 5xx or an I/O failure; the last
     * answer, or null when the last attempt got none.
     */
    private Api.Answer call(String operation, String method, String path, Object body) {
      return call(load, operation, method, path, body);
    }

    private Api.Answer call(Api load, String operation, String method, String path, Object body) {
      Api.Answer answer = null;
      long start = System.nanoTime();
      for (int attempt = 1; attempt <= ATTEMPTS_MAX; attempt++) {
        try {
          answer = method.equals("GET") ? load.get(path) : load.post(path, body);
        } catch (IOException e) {
          answer = null;
        }
        if (status(answer) < 500) {
          break;
        }
        retries.increment();
      }
      byOperation
          .computeIfAbsent(operation, k -> new Recorder(3))
          .recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
      int status = status(answer);
      outcomes.computeIfAbsent(operation + " " + status, k -> new LongAdder()).increment();
      if (!operation.equals("batch") && method.equals("POST") && status < 300) {
        transfersDone.increment();
      }
      return answer;
    }

    /** An answer's status; 599 stands for no answer at all. */
    private static int status(Api.Answer answer) {
      return answer == null ? 599 : answer.status();
    }
  }

  private void report(Histogram h, double seconds) throws java.io.IOException {
    Report report =
        Report.of(
            options.workload(),
            options.direct() == null ? "gateway " + options.url() : "ledger " + options.direct(),
            options.rate() == 0
                ? "closed loop, " + options.clients() + " clients"
                : "open loop at "
                    + options.rate()
                    + "/s, at most "
                    + options.clients()
                    + " in flight",
            options.vcpus(),
            h,
            seconds,
            transfersDone.sum(),
            retries.sum(),
            new TreeMap<>(
                outcomes.entrySet().stream()
                    .filter(e -> e.getValue().sum() > 0)
                    .collect(
                        java.util.stream.Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().sum()))),
            new TreeMap<>(
                byOperation.entrySet().stream()
                    .collect(
                        java.util.stream.Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().getIntervalHistogram()))),
            perSecond,
            slowestPerSecond,
            (int) Math.ceil(seconds));
    System.out.print(report.table());
    java.nio.file.Path written = report.write(java.nio.file.Path.of(options.reportDir()));
    System.out.println("report        " + written + ".json and .html");
  }

  /** Money conserved across the tenant; a sample of acknowledged transfers exists. */
  private boolean verify() throws IOException, InterruptedException {
    long[] totals = new long[3]; // posted sum, held sum, accounts
    eachListed(
        "/v1/accounts",
        account -> {
          totals[0] += account.get("balance").get("posted").asLong();
          totals[1] += account.get("balance").get("held").asLong();
          totals[2]++;
        });
    long sum = totals[0];
    long held = totals[1];
    long accounts = totals[2];
    Map<UUID, Integer> seen = new java.util.HashMap<>(acknowledged.size() * 2);
    for (UUID id : acknowledged) {
      seen.put(id, 0);
    }
    LongAdder listed = new LongAdder();
    // nothing to look for when the workload only read (console): a million-transfer walk saved
    eachListed(
        acknowledged.isEmpty() ? null : "/v1/transfers",
        transfer -> {
          seen.computeIfPresent(UUID.fromString(transfer.get("id").asString()), (id, n) -> n + 1);
          listed.increment();
        });
    long missing = seen.values().stream().filter(n -> n == 0).count();
    long doubled = seen.values().stream().filter(n -> n > 1).count();
    boolean ok = sum == 0 && missing == 0 && doubled == 0;
    System.out.printf(
        "verify        %d accounts, posted sum %d, held %d; %d transfers listed, %d acknowledged:"
            + " %d missing, %d listed twice%s: %s%n",
        accounts,
        sum,
        held,
        listed.sum(),
        seen.size(),
        missing,
        doubled,
        unchecked.sum() == 0 ? "" : " (" + unchecked.sum() + " more not checked)",
        ok ? "OK" : "FAILED");
    return ok;
  }

  /**
   * Hands each item of one of the tenant's listings to {@code item}, a page of 1000 at a time, so
   * that a listing of a million transfers never sits in memory whole.
   */
  private void eachListed(String path, java.util.function.Consumer<JsonNode> item)
      throws IOException {
    if (path == null) {
      return;
    }
    String cursor = null;
    do {
      Api.Answer page = api.get(path + "?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor));
      require(page.status() == 200, "cannot list " + path + ": " + page.body());
      JsonNode json = page.json();
      json.get("data").forEach(item);
      JsonNode next = json.get("nextCursor");
      cursor = next.isNull() ? null : next.asString();
    } while (cursor != null);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }
}
