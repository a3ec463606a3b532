package com.saldo.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.identity.CallerIdentity;
import com.saldo.identity.IdentityToken;
import com.saldo.identity.Scope;
import com.saldo.local.Services;
import com.saldo.testing.Http;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves that a statement of 1,000,000 entries streams from a query service whose heap is capped at
 * 64 MB, complete and adding up, and measures the p99 of an entries page and of a balance-at-a-time
 * lookup on that account (written to target/query-latencies.txt; not asserted, since tests are no
 * benchmark).
 */
class MillionEntriesSystemTest {

  private static final int ENTRIES = 1_000_000;
  private static SaldoCluster saldo;
  private static UUID tenant;
  private static UUID account;
  private static Instant start;

  @BeforeAll
  static void load() throws Exception {
    saldo = SaldoCluster.get();
    tenant = saldo.newTenant("Busy account");
    account = UUID.randomUUID();
    UUID source = UUID.randomUUID();
    start = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MILLIS);
    long total = 0;
    for (int i = 1; i <= ENTRIES; i++) {
      total += 1 + (i % 1000);
    }
    try (Connection db =
            DriverManager.getConnection(
                saldo.database.url(), saldo.database.user(), saldo.database.password());
        Statement sql = db.createStatement()) {
      sql.execute("SET search_path TO ledger");
      sql.execute("SET session_replication_role = replica");
      try (PreparedStatement ps =
          db.prepareStatement(
              "INSERT INTO accounts (tenant_id, id, currency, status, min_balance, debits_posted,"
                  + " credits_posted, debits_pending, credits_pending, metadata, request_hash, created_at,"
                  + " updated_at, version, entry_count) VALUES"
                  + " (?, ?, 'EUR', 'active', NULL, ?, 0, 0, 0, '{}', 'bulk', ?, ?, 1, 0),"
                  + " (?, ?, 'EUR', 'active', 0, 0, ?, 0, 0, '{}', 'bulk', ?, ?, 1, ?)")) {
        var t = java.time.OffsetDateTime.ofInstant(start, java.time.ZoneOffset.UTC);
        Object[] args = {tenant, source, total, t, t, tenant, account, total, t, t, (long) ENTRIES};
        for (int i = 0; i < args.length; i++) {
          ps.setObject(i + 1, args[i]);
        }
        ps.executeUpdate();
      }
      String bounds = " FROM generate_series(1, " + ENTRIES + ") AS i";
      String time = "'" + start + "'::timestamptz + i * interval '1 millisecond'";
      String id = "md5('" + tenant + "' || i)::uuid";
      sql.execute(
          "INSERT INTO transfers (tenant_id, id, debit_account_id, credit_account_id, amount, currency,"
              + " kind, status, hold_timeout_seconds, refunded_amount, reference, metadata, request_hash,"
              + " created_at, updated_at) SELECT '"
              + tenant
              + "', "
              + id
              + ", '"
              + source
              + "', '"
              + account
              + "', 1 + (i % 1000), 'EUR', 'top_up', 'posted', 0, 0, 'till-' || (i % 50), '{}', 'bulk', "
              + time
              + ", "
              + time
              + bounds);
      sql.execute(
          "INSERT INTO entries (tenant_id, account_id, seq, transfer_id, amount, balance_after, created_at)"
              + " SELECT '"
              + tenant
              + "', '"
              + account
              + "', i, "
              + id
              + ", 1 + (i % 1000),"
              + " sum(1 + (i % 1000)) OVER (ORDER BY i), "
              + time
              + bounds);
      sql.execute("ANALYZE transfers");
      sql.execute("ANALYZE entries");
    }
  }

  @Test
  void aMillionEntryStatementStreamsInASmallHeap() throws Exception {
    Services.Service small =
        new Services.Service("query", SaldoCluster.freePort(), SaldoCluster.freePort());
    saldo.cluster.start(
        small, Map.of(), List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    try {
      saldo.cluster.awaitReady(small, Duration.ofSeconds(120));
      IdentityToken tokens =
          new IdentityToken(
              java.util.Base64.getDecoder().decode(SaldoCluster.IDENTITY_KEY), Clock.systemUTC());
      String identity =
          tokens.sign(
              new CallerIdentity(tenant, "test", java.util.Set.of(Scope.ACCOUNTS_READ)),
              Duration.ofSeconds(60));
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      "http://localhost:"
                          + small.port()
                          + "/v1/accounts/"
                          + account
                          + "/statement?format=csv&from="
                          + start
                          + "&to="
                          + start.plusSeconds(ENTRIES / 1000 + 1)))
              .header(IdentityToken.HEADER, identity)
              .timeout(Duration.ofMinutes(5))
              .build();
      HttpResponse<java.io.InputStream> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.statusCode()).isEqualTo(200);
      long rows = 0;
      BigDecimal sum = BigDecimal.ZERO;
      String opening = null;
      String closing = null;
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          String[] fields = line.split(",", -1);
          switch (fields[0]) {
            case "entry" -> {
              rows++;
              sum = sum.add(new BigDecimal(fields[5]));
            }
            case "opening" -> opening = fields[6];
            case "closing" -> closing = fields[6];
            default -> assertThat(fields[0]).isEqualTo("type");
          }
        }
      }
      assertThat(rows).isEqualTo(ENTRIES);
      assertThat(new BigDecimal(closing).subtract(new BigDecimal(opening)))
          .isEqualByComparingTo(sum);
      assertThat(saldo.cluster.exited()).isNull();
    } finally {
      saldo.cluster.stop(small);
    }
  }

  @Test
  void pagesAndBalancesOfABusyAccountAreFast() throws Exception {
    Http api = saldo.as(saldo.newKey(tenant, List.of("accounts:read")));
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int samples = 300;
    long[] pages = new long[samples];
    long[] balances = new long[samples];
    for (int i = 0; i < samples + 50; i++) {
      int seq = 1 + random.nextInt(ENTRIES);
      String cursor =
          java.util.Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(("e:" + seq).getBytes(StandardCharsets.US_ASCII));
      long t0 = System.nanoTime();
      Http.Answer page = api.get("/v1/accounts/" + account + "/entries?limit=100&cursor=" + cursor);
      long t1 = System.nanoTime();
      Instant at = start.plusMillis(random.nextInt(ENTRIES));
      Http.Answer balance = api.get("/v1/accounts/" + account + "/balance?asOf=" + at);
      long t2 = System.nanoTime();
      assertThat(page.status()).isEqualTo(200);
      assertThat(balance.status()).isEqualTo(200);
      long n = Duration.between(start, at).toMillis();
      long expected = 0;
      if (i < 3) {
        for (long k = 1; k <= n; k++) {
          expected += 1 + (k % 1000);
        }
        assertThat(balance.json().get("posted").asLong()).isEqualTo(expected);
      }
      if (i >= 50) {
        pages[i - 50] = t1 - t0;
        balances[i - 50] = t2 - t1;
      }
    }
    Arrays.sort(pages);
    Arrays.sort(balances);
    String report =
        String.format(
            "account with %,d entries, %d samples each, through the gateway:%n"
                + "entries page (limit 100): p50 %.2f ms, p99 %.2f ms%n"
                + "balance asOf:             p50 %.2f ms, p99 %.2f ms%n",
            ENTRIES,
            samples,
            pages[samples / 2] / 1e6,
            pages[samples * 99 / 100] / 1e6,
            balances[samples / 2] / 1e6,
            balances[samples * 99 / 100] / 1e6);
    System.out.print(report);
    Files.writeString(Path.of("target/query-latencies.txt"), report);
  }
}
