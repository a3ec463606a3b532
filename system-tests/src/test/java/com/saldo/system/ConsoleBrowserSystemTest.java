package com.saldo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.saldo.client.Saldo;
import com.saldo.client.model.Bound;
import com.saldo.client.model.NewAccount;
import com.saldo.client.model.NewTransfer;
import com.saldo.client.model.NewWebhook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The operators' console in a real browser: this test makes two tenants' accounts and transfers
 * through the API, then runs {@code src/test/console/console.test.mjs} (Playwright driving Debian's
 * Chromium headless) against the running Saldo, and passes when every browser test does.
 * Screenshots of the main pages land in {@code target/console-screenshots}. It skips, saying why,
 * where Chromium, Node.js or the npm packages are missing ({@code ./saldo test} installs them).
 */
class ConsoleBrowserSystemTest {

  private static final Path TESTS = Path.of("src/test/console").toAbsolutePath();
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final long TIMEOUT_MINUTES = 10;

  @Test
  void theConsoleWorksInABrowser() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "skipped: no Chromium at " + CHROMIUM);
    assumeTrue(
        Files.isDirectory(TESTS.resolve("node_modules/playwright-core")),
        "skipped: playwright-core is not installed (npm ci in " + TESTS + ")");
    assumeTrue(onPath("node"), "skipped: no node on the PATH");

    SaldoCluster cluster = SaldoCluster.get();
    UUID tenant = cluster.newTenant("Console shop");
    String key =
        cluster.newKey(
            tenant,
            List.of(
                "accounts:read",
                "accounts:write",
                "transfers:read",
                "transfers:write",
                "webhooks:manage",
                "keys:manage"));
    Saldo saldo = Saldo.builder().baseUrl(cluster.url()).apiKey(key).build();
    // a shop's webhook, so that the transfer page has deliveries to show
    Receiver receiver = new Receiver();
    saldo
        .webhooks()
        .create(
            NewWebhook.of(receiver.url("/hooks"), List.of("transfer.posted", "transfer.refunded")));
    String card = "CARD-" + UUID.randomUUID().toString().substring(0, 8);
    UUID funding = saldo.accounts().create(NewAccount.of("EUR").withMinBalance(Bound.none())).id();
    String customerNo = "C-" + UUID.randomUUID().toString().substring(0, 6);
    UUID customer =
        saldo
            .accounts()
            .create(
                NewAccount.of("EUR")
                    .withExternalRef(card)
                    .withMetadata(Map.of("customerNo", customerNo)))
            .id();
    UUID merchant = saldo.accounts().create(NewAccount.of("EUR")).id();
    saldo.transfers().create(NewTransfer.topUp(funding, customer, 10_000, "EUR"));
    UUID payment =
        saldo.transfers().create(NewTransfer.payment(customer, merchant, 2_500, "EUR")).id();
    UUID hold =
        saldo
            .transfers()
            .create(NewTransfer.payment(customer, merchant, 1_200, "EUR").asHold(3600))
            .id();

    UUID otherTenant = cluster.newTenant("Someone else");
    Saldo other =
        Saldo.builder()
            .baseUrl(cluster.url())
            .apiKey(
                cluster.newKey(
                    otherTenant, List.of("accounts:write", "transfers:write", "accounts:read")))
            .build();
    UUID otherFunding =
        other.accounts().create(NewAccount.of("EUR").withMinBalance(Bound.none())).id();
    UUID otherAccount = other.accounts().create(NewAccount.of("EUR")).id();
    UUID otherTransfer =
        other.transfers().create(NewTransfer.topUp(otherFunding, otherAccount, 500, "EUR")).id();

    Path screenshots = Path.of("target/console-screenshots").toAbsolutePath();
    Map<String, String> env = new HashMap<>();
    env.put("SALDO_URL", cluster.url());
    env.put("TENANT_KEY", key);
    env.put("OPERATOR_KEY", SaldoCluster.OPERATOR_KEY);
    env.put("CARD", card);
    env.put("CUSTOMER_NO", customerNo);
    env.put("CUSTOMER_ID", customer.toString());
    env.put("MERCHANT_ID", merchant.toString());
    env.put("FUNDING_ID", funding.toString());
    env.put("PAYMENT_ID", payment.toString());
    env.put("HOLD_ID", hold.toString());
    env.put("OTHER_ACCOUNT_ID", otherAccount.toString());
    env.put("OTHER_TRANSFER_ID", otherTransfer.toString());
    env.put("SCREENSHOTS", screenshots.toString());

    Path output = Path.of("target/console-browser-tests.log").toAbsolutePath();
    ProcessBuilder node =
        new ProcessBuilder("node", "--test", "--test-concurrency=1", "console.test.mjs")
            .directory(TESTS.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    node.environment().putAll(env);
    Process process;
    try (receiver) {
      process = node.start();
      runBrowserTests(process, output, screenshots);
    }
    // everything the browser did kept the books right
    assertThat(
            Saldo.builder()
                .baseUrl(cluster.url())
                .apiKey(SaldoCluster.OPERATOR_KEY)
                .build()
                .operator()
                .verify()
                .clean())
        .isTrue();
  }

  private static void runBrowserTests(Process process, Path output, Path screenshots)
      throws Exception {
    boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    String log = Files.readString(output, StandardCharsets.UTF_8);
    System.out.println(log);
    assertThat(finished)
        .as("the browser tests finished within %d minutes", TIMEOUT_MINUTES)
        .isTrue();
    assertThat(process.exitValue()).as(log).isZero();
    assertThat(log).contains("# fail 0");
    for (String page : List.of("account", "transfer", "audit", "tenants", "system")) {
      assertThat(screenshots.resolve(page + ".png")).isNotEmptyFile();
    }
  }

  private static boolean onPath(String command) throws IOException, InterruptedException {
    Process which = new ProcessBuilder("sh", "-c", "command -v " + command).start();
    return which.waitFor(10, TimeUnit.SECONDS) && which.exitValue() == 0;
  }
}
