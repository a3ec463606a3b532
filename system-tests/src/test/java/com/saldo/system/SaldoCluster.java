package com.saldo.system;

import com.saldo.local.Cluster;
import com.saldo.local.Services;
import com.saldo.testing.Http;
import com.saldo.testing.SpannerEmulator;
import com.saldo.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Saldo as it runs for real: the built jars of every service as processes of their own on free
 * ports, over a fresh embedded PostgreSQL database. Started once per test JVM and stopped with it;
 * a second one, with every service but the gateway on the Spanner emulator, for the suites' runs
 * there.
 */
final class SaldoCluster {

  static final String OPERATOR_KEY = "sk_test_operator_" + "k".repeat(40);
  static final String IDENTITY_KEY = "c3lzdGVtLXRlc3QtaWRlbnRpdHkta2V5LTMyLWJ5dGVzIQ==";

  private static SaldoCluster instance;
  private static SaldoCluster onSpanner;

  final Services.Service ledger = new Services.Service("ledger", freePort(), freePort());
  final Services.Service backoffice = new Services.Service("backoffice", freePort(), freePort());
  final Services.Service query = new Services.Service("query", freePort(), freePort());
  final Services.Service webhooks = new Services.Service("webhooks", freePort(), freePort());
  final Services.Service gateway = new Services.Service("gateway", freePort(), freePort());
  final Cluster cluster;
  final TestDatabase.Database database;
  final int jwksPort = freePort();
  final OtlpReceiver traces;

  /** Whether the services (all but the gateway) run on the Spanner emulator. */
  final boolean spanner;

  private SaldoCluster(boolean spanner) throws Exception {
    this.spanner = spanner;
    TestDatabase.Database db = TestDatabase.create();
    database = db;
    Map<String, String> env = environment(db.url(), db.user(), db.password());
    traces = new OtlpReceiver();
    // spans leave for the stand-in collector; only requests whose traceparent asks are traced
    env.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", traces.endpoint());
    env.put("SALDO_TRACING_SAMPLING", "0");
    env.put("SALDO_LEDGER_URLS", "http://localhost:" + ledger.port());
    env.put("SALDO_BACKOFFICE_URLS", "http://localhost:" + backoffice.port());
    env.put("SALDO_QUERY_URLS", "http://localhost:" + query.port());
    env.put("SALDO_WEBHOOKS_URLS", "http://localhost:" + webhooks.port());
    env.put("SALDO_WEBHOOKS_SECRET_KEY", "c3lzdGVtLXRlc3Qtd2ViaG9va3Mta2V5LTMyLWJ5dGU=");
    env.put("SALDO_WEBHOOKS_ALLOWPRIVATETARGETS", "true");
    env.put("SALDO_GATEWAY_JWTISSUERS_0_ISSUER", JwtIssuer.ISSUER);
    env.put("SALDO_GATEWAY_JWTISSUERS_0_JWKSURL", "http://localhost:" + jwksPort + "/jwks.json");
    env.put("SALDO_GATEWAY_JWTISSUERS_0_AUDIENCE", JwtIssuer.AUDIENCE);
    env.put("SALDO_LEDGER_EXPIRYSWEEPINTERVAL", "500ms");
    env.putAll(
        Services.consoleEnvironment(
            gateway, List.of(ledger, query, webhooks, backoffice, gateway)));
    cluster =
        new Cluster(
            Path.of("..").toAbsolutePath().normalize(),
            Path.of("target/system-logs").toAbsolutePath(),
            env,
            "-Xms64m -Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    if (spanner) {
      // the ledger (which makes the schema) and the query service on a fresh database of the
      // emulator, the backoffice and the webhooks service each on another, the webhooks service
      // reading the ledger's outbox in the ledger's
      SpannerEmulator emulator = SpannerEmulator.get().orElseThrow();
      String ledgerDatabase = SpannerEmulator.newDatabase();
      cluster.start(ledger, onSpanner(emulator, ledgerDatabase));
      cluster.awaitReady(ledger, Duration.ofSeconds(120));
      cluster.start(query, onSpanner(emulator, ledgerDatabase));
      cluster.start(backoffice, onSpanner(emulator, SpannerEmulator.newDatabase()));
      cluster.start(webhooks, webhooksOnSpanner(emulator, ledgerDatabase));
      cluster.start(gateway, Map.of());
      for (Services.Service service : List.of(query, backoffice, webhooks, gateway)) {
        cluster.awaitReady(service, Duration.ofSeconds(120));
      }
    } else {
      for (Services.Service service : List.of(ledger, query, webhooks, backoffice, gateway)) {
        cluster.start(service, Map.of());
      }
      for (Services.Service service : List.of(ledger, query, webhooks, backoffice, gateway)) {
        cluster.awaitReady(service, Duration.ofSeconds(120));
      }
    }
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
  }

  /**
   * What the webhooks service gets to run on a new database of the emulator, reading the outbox in
   * the ledger's database.
   */
  static Map<String, String> webhooksOnSpanner(SpannerEmulator emulator, String ledgerDatabase) {
    Map<String, String> env = new HashMap<>(onSpanner(emulator, SpannerEmulator.newDatabase()));
    env.put("SALDO_SPANNER_OUTBOX_DATABASE", ledgerDatabase);
    // the emulator is one process that the whole machine shares: a relay and a poll every 100 ms
    // rather than every 20 and 25 keep an idle Saldo on it from taking a core
    env.put("SALDO_WEBHOOKS_RELAYINTERVAL", "100ms");
    env.put("SALDO_WEBHOOKS_POLLINTERVAL", "100ms");
    return env;
  }

  /** What a service gets to run on {@code database} of the emulator. */
  static Map<String, String> onSpanner(SpannerEmulator emulator, String database) {
    return Map.of(
        "SALDO_DATABASE",
        "spanner",
        "SALDO_SPANNER_PROJECT",
        SpannerEmulator.PROJECT,
        "SALDO_SPANNER_INSTANCE",
        SpannerEmulator.INSTANCE,
        "SALDO_SPANNER_DATABASE",
        database,
        "SALDO_SPANNER_EMULATOR_HOST",
        emulator.host());
  }

  /**
   * What every service of a test cluster gets: the database, the identity key, the operator key.
   */
  static Map<String, String> environment(String url, String user, String password) {
    Map<String, String> env = new HashMap<>();
    env.put("SALDO_DATABASE_URL", url);
    env.put("SALDO_DATABASE_USER", user);
    env.put("SALDO_DATABASE_PASSWORD", password);
    env.put("SALDO_IDENTITY_KEY", IDENTITY_KEY);
    env.put("SALDO_BOOTSTRAP_OPERATOR_KEY", OPERATOR_KEY);
    return env;
  }

  static synchronized SaldoCluster get() {
    if (instance == null) {
      try {
        instance = new SaldoCluster(false);
      } catch (Exception e) {
        throw new IllegalStateException("cannot start Saldo for the system tests", e);
      }
    }
    return instance;
  }

  /**
   * A second Saldo whose ledger and query service run on the Spanner emulator, for the suites' runs
   * there ({@link OnSpanner}); started on first use.
   */
  static synchronized SaldoCluster onSpanner() {
    if (onSpanner == null) {
      try {
        onSpanner = new SaldoCluster(true);
      } catch (Exception e) {
        throw new IllegalStateException("cannot start Saldo on the Spanner emulator", e);
      }
    }
    return onSpanner;
  }

  /** Whether the Spanner runs can happen here: the emulator is installed and started. */
  static boolean spannerAvailable() {
    return SpannerEmulator.get().isPresent();
  }

  /** The Saldo a suite class runs against: on Spanner if it is marked {@link OnSpanner}. */
  static SaldoCluster of(Class<?> suite) {
    return suite.isAnnotationPresent(OnSpanner.class) ? onSpanner() : get();
  }

  String url() {
    return "http://localhost:" + gateway.port();
  }

  Http as(String credential) {
    return new Http(url(), Map.of("Authorization", "Bearer " + credential));
  }

  Http operator() {
    return as(OPERATOR_KEY);
  }

  Http direct(Services.Service service, Map<String, String> headers) {
    return new Http("http://localhost:" + service.port(), headers);
  }

  /** A new tenant, made by the operator; returns its id. */
  UUID newTenant(String name) {
    Http.Answer answer = operator().post("/v1/tenants", Map.of("name", name));
    if (answer.status() != 201) {
      throw new IllegalStateException(answer.body());
    }
    return UUID.fromString(answer.json().get("id").asString());
  }

  /**
   * A key for a tenant's tills, made by {@code operator}: account and transfer scopes, and a rate
   * limit no test reaches; returns the secret.
   */
  static String tillsKey(Http operator, UUID tenant) {
    return operator
        .post(
            "/v1/tenants/" + tenant + "/api-keys",
            Map.of(
                "name",
                "tills",
                "scopes",
                List.of("accounts:read", "accounts:write", "transfers:read", "transfers:write"),
                "rateLimit",
                Map.of("perSecond", 100_000, "burst", 100_000)))
        .json()
        .get("key")
        .asString();
  }

  /** A new key of a tenant with these scopes; returns the secret. */
  String newKey(UUID tenant, List<String> scopes) {
    return newKey(tenant, Map.of("name", "test key", "scopes", scopes));
  }

  String newKey(UUID tenant, Map<String, Object> body) {
    Http.Answer answer = operator().post("/v1/tenants/" + tenant + "/api-keys", body);
    if (answer.status() != 201) {
      throw new IllegalStateException(answer.body());
    }
    return answer.json().get("key").asString();
  }

  private static final java.util.Set<Integer> TAKEN = new java.util.HashSet<>();

  /** A port free now and not handed out before in this JVM. */
  static synchronized int freePort() {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0)) {
        if (TAKEN.add(socket.getLocalPort())) {
          return socket.getLocalPort();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
