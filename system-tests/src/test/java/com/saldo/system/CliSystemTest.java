package com.saldo.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.cli.Cli;
import com.saldo.client.Saldo;
import com.saldo.client.model.Account;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code saldo} command line end to end against a running Saldo: a tenant and its key made from
 * the terminal, 10,000 accounts with opening balances imported from CSV (and imported again,
 * doubling nothing), a bad file refused whole, a transfer, its history, the event feed, verify, and
 * exit codes a script can branch on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliSystemTest {

  private static final int ACCOUNTS = Integer.getInteger("saldo.import.accounts", 10_000);
  private static final JsonMapper JSON = new JsonMapper();
  private static SaldoCluster saldo;
  private static String key;
  private static UUID funding;
  private static Saldo client;
  @TempDir static Path dir;

  /** What one run printed. */
  record Run(int code, String out, String err) {
    JsonNode json() {
      return JSON.readTree(out);
    }
  }

  private static Run saldo(String credential, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> env = new HashMap<>();
    env.put("SALDO_URL", saldo.url());
    env.put("SALDO_API_KEY", credential);
    int code =
        Cli.run(args, env, dir.resolve("home"), new PrintWriter(out), new PrintWriter(err), false);
    return new Run(code, out.toString(), err.toString());
  }

  private static Run tenant(String... args) {
    return saldo(key, args);
  }

  @BeforeAll
  static void start() {
    saldo = SaldoCluster.get();
    Run tenant = saldo(SaldoCluster.OPERATOR_KEY, "--json", "tenants", "create", "CLI shop");
    assertThat(tenant.code()).as(tenant.err()).isZero();
    String tenantId = tenant.json().get("id").asString();
    Run created =
        saldo(
            SaldoCluster.OPERATOR_KEY,
            "--json",
            "keys",
            "create",
            tenantId,
            "--name",
            "back office",
            "--scope",
            "accounts:read,accounts:write,transfers:read,transfers:write",
            "--rate",
            "100000");
    assertThat(created.code()).as(created.err()).isZero();
    key = created.json().get("key").asString();
    client = Saldo.builder().baseUrl(saldo.url()).apiKey(key).build();
    Run fund = tenant("--json", "accounts", "create", "--currency", "EUR", "--min-balance", "none");
    assertThat(fund.code()).as(fund.err()).isZero();
    funding = UUID.fromString(fund.json().get("id").asString());
  }

  @Test
  @Order(1)
  void importsTenThousandAccountsWithOpeningBalancesAndARerunDoublesNothing() throws Exception {
    Path csv = dir.resolve("accounts.csv");
    List<String> lines = new ArrayList<>();
    lines.add("externalRef,currency,openingBalance,minBalance");
    long sum = 0;
    for (int i = 0; i < ACCOUNTS; i++) {
      long opening = i % 10 == 0 ? 0 : 100 + i;
      sum += opening;
      lines.add("card-" + i + ",EUR," + opening + "," + (i % 100 == 0 ? "-500" : ""));
    }
    Files.write(csv, lines);

    long started = System.nanoTime();
    Run first = tenant("import", "accounts", csv.toString(), "--funding", funding.toString());
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(first.code()).as(first.err()).isZero();
    System.out.printf(
        "CLI import of %,d accounts: %.1f s, %,.0f rows/s (%s)%n",
        ACCOUNTS, seconds, ACCOUNTS / seconds, first.out().strip());
    assertThat(client.accounts().get(funding).balance().posted()).isEqualTo(-sum);
    assertThat(client.accounts().stream().count()).isEqualTo(ACCOUNTS + 1);
    Account card7 = client.accounts().findByExternalRef("card-7").orElseThrow();
    assertThat(card7.balance().posted()).isEqualTo(107);
    assertThat(client.accounts().findByExternalRef("card-100").orElseThrow().minBalance())
        .isEqualTo(-500);

    Run again = tenant("import", "accounts", csv.toString(), "--funding", funding.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(client.accounts().get(funding).balance().posted()).isEqualTo(-sum);
    assertThat(client.accounts().stream().count()).isEqualTo(ACCOUNTS + 1);
    assertThat(client.accounts().get(card7.id()).balance().posted()).isEqualTo(107);
  }

  @Test
  @Order(2)
  void aFileWithBadRowsIsRefusedWholeWithTheirLineNumbers() throws Exception {
    Path csv = dir.resolve("bad.csv");
    Files.write(
        csv,
        List.of(
            "externalRef,currency,openingBalance",
            "good-1,EUR,100",
            "good-2,EUR,100",
            "bad-currency,euro,100",
            "good-1,EUR,5",
            "negative,EUR,-3",
            "\"unclosed,EUR,1"));
    Run run = tenant("import", "accounts", csv.toString(), "--funding", funding.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .contains(csv + ":4: currency")
        .contains(csv + ":5: externalRef good-1 appears twice")
        .contains(csv + ":6: openingBalance")
        .contains(csv + ":7: a quoted field is not closed")
        .contains("nothing was imported");
    assertThat(client.accounts().findByExternalRef("good-1")).isEmpty();
  }

  @Test
  @Order(3)
  void aTransferItsHistoryTheFeedAndExitCodes() throws Exception {
    UUID alice = client.accounts().findByExternalRef("card-1").orElseThrow().id();
    UUID bob = client.accounts().findByExternalRef("card-2").orElseThrow().id();
    Run paid =
        tenant(
            "--json",
            "transfers",
            "create",
            "--from",
            alice.toString(),
            "--to",
            bob.toString(),
            "--amount",
            "42",
            "--currency",
            "EUR",
            "--kind",
            "payment",
            "--reference",
            "till-7/receipt-1");
    assertThat(paid.code()).as(paid.err()).isZero();
    String transfer = paid.json().get("id").asString();

    Run entries = tenant("entries", alice.toString());
    assertThat(entries.code()).as(entries.err()).isZero();
    assertThat(entries.out()).contains("-42").contains("till-7/receipt-1").contains(transfer);

    Run shown = tenant("transfers", "get", transfer);
    assertThat(shown.out()).contains("status").contains("posted");

    Run tail = tenant("events", "tail", "--count", "3", "--poll", "PT0.2S");
    assertThat(tail.code()).as(tail.err()).isZero();
    assertThat(tail.out().lines().filter(l -> l.contains("account.created"))).hasSize(3);

    Path out = dir.resolve("alice.csv");
    Run exported = tenant("export", "entries", alice.toString(), "-o", out.toString());
    assertThat(exported.code()).as(exported.err()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(3).first().asString().startsWith("createdAt,");

    Run tooMuch =
        tenant(
            "transfers",
            "create",
            "--from",
            alice.toString(),
            "--to",
            bob.toString(),
            "--amount",
            "1000000",
            "--currency",
            "EUR");
    assertThat(tooMuch.code()).isEqualTo(3);
    assertThat(tooMuch.err()).contains("insufficient_funds");
    assertThat(tenant("accounts", "get", UUID.randomUUID().toString()).code()).isEqualTo(4);
    assertThat(saldo("sk_not_a_key_" + "x".repeat(30), "accounts", "list").code()).isEqualTo(5);
    assertThat(tenant("accounts", "get", "not-a-uuid").code()).isEqualTo(2);
    assertThat(tenant("verify").code()).as("a tenant key may not verify").isEqualTo(5);
  }

  @Test
  @Order(4)
  void verifyIsCleanAfterItAll() {
    Run verify = saldo(SaldoCluster.OPERATOR_KEY, "verify");
    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).startsWith("clean");
  }
}
