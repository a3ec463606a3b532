package com.saldo.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import tools.jackson.databind.JsonNode;

/**
 * The {@code webhooks} workload: {@code endpoints} tenants, each with one webhook subscribed to
 * {@code transfer.posted} that points at a receiver in this process, and a funding, a customer and
 * a merchant account. The load pays in a random tenant, so the events fan out over all the
 * endpoints. The receiver measures each delivery from the transfer's commit time ({@code
 * createdAt}) to its arrival, and at the end every acknowledged payment must have arrived.
 */
final class WebhooksWorkload implements AutoCloseable {

  /** One tenant of the workload: its client and its accounts. */
  record Shop(Api api, UUID funding, UUID customer, UUID merchant) {}

  private final List<Shop> shops = new ArrayList<>();
  private final HttpServer receiver;
  private final Recorder latency = new Recorder(3);
  private final Set<String> received = ConcurrentHashMap.newKeySet();
  private final LongAdder deliveries = new LongAdder();
  private final LongAdder unsigned = new LongAdder();

  WebhooksWorkload() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
    receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    receiver.createContext(
        "/r/",
        exchange -> {
          long now = System.currentTimeMillis();
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
          }
          if (exchange.getRequestHeaders().getFirst("webhook-signature") == null) {
            unsigned.increment();
          }
          JsonNode event = Api.JSON.readTree(body);
          long committed = Instant.parse(event.get("createdAt").asString()).toEpochMilli();
          latency.recordValue(Math.max(1, now - committed) * 1000);
          if (!received.add(event.get("data").get("id").asString())) {
            deliveries.increment(); // a duplicate: at least once
          }
          deliveries.increment();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
  }

  /** Makes the tenants, their keys, accounts and webhooks. */
  void setUp(Api operator, String base, int endpoints) throws IOException, InterruptedException {
    int port = receiver.getAddress().getPort();
    for (int i = 0; i < endpoints; i++) {
      Api.Answer tenant = operator.post("/v1/tenants", Map.of("name", "bench shop " + i));
      check(tenant, 201);
      String id = tenant.json().get("id").asString();
      Api.Answer key =
          operator.post(
              "/v1/tenants/" + id + "/api-keys",
              Map.of(
                  "name", "bench",
                  "scopes",
                      List.of(
                          "accounts:read",
                          "accounts:write",
                          "transfers:read",
                          "transfers:write",
                          "webhooks:manage"),
                  "rateLimit", Map.of("perSecond", 1_000_000, "burst", 1_000_000)));
      check(key, 201);
      Api api = Api.withKey(base, key.json().get("key").asString());
      check(
          api.post(
              "/v1/webhooks",
              Map.of(
                  "url",
                  "http://127.0.0.1:" + port + "/r/" + i,
                  "events",
                  List.of("transfer.posted"),
                  "rateLimit",
                  10_000)),
          201);
      Shop shop = new Shop(api, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
      open(api, shop.funding(), null);
      open(api, shop.customer(), 0L);
      open(api, shop.merchant(), 0L);
      check(
          api.post(
              "/v1/transfers",
              Api.transfer(
                  UUID.randomUUID(),
                  shop.funding(),
                  shop.customer(),
                  1_000_000_000_000L,
                  "top_up")),
          201);
      shops.add(shop);
    }
  }

  private static void open(Api api, UUID id, Long minBalance)
      throws IOException, InterruptedException {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("id", id.toString());
    body.put("currency", "EUR");
    body.put("minBalance", minBalance);
    check(api.post("/v1/accounts", body), 201);
  }

  Shop anyShop() {
    return shops.get(ThreadLocalRandom.current().nextInt(shops.size()));
  }

  /** Starts the measured run: what was received during the warm-up is not counted in latency. */
  void resetLatency() {
    latency.reset();
  }

  /**
   * Waits until every acknowledged payment has arrived or the time is up, and prints the
   * commit-to-receipt latency of the measured run; true when nothing is missing.
   */
  boolean report(Set<UUID> acknowledged, Duration patience) throws InterruptedException {
    Histogram measured = latency.getIntervalHistogram();
    long deadline = System.nanoTime() + patience.toNanos();
    long missing;
    do {
      missing = acknowledged.stream().filter(id -> !received.contains(id.toString())).count();
      if (missing > 0) {
        Thread.sleep(200);
      }
    } while (missing > 0 && System.nanoTime() < deadline);
    System.out.printf(
        "webhooks      %d endpoints; commit to receipt p50 %.1f ms, p90 %.1f ms, p99 %.1f ms,"
            + " max %.1f ms over %d deliveries of the measured run%n",
        shops.size(),
        measured.getValueAtPercentile(50) / 1000.0,
        measured.getValueAtPercentile(90) / 1000.0,
        measured.getValueAtPercentile(99) / 1000.0,
        measured.getMaxValue() / 1000.0,
        measured.getTotalCount());
    System.out.printf(
        "webhooks      %d acknowledged payments, %d received, %d missing, %d deliveries in all,"
            + " %d unsigned: %s%n",
        acknowledged.size(),
        received.size(),
        missing,
        deliveries.sum(),
        unsigned.sum(),
        missing == 0 && unsigned.sum() == 0 ? "OK" : "FAILED");
    return missing == 0 && unsigned.sum() == 0;
  }

  private static void check(Api.Answer answer, int status) {
    if (answer.status() != status) {
      throw new IllegalStateException("setting up the webhooks workload: " + answer.body());
    }
  }

  @Override
  public void close() {
    receiver.stop(0);
  }
}
