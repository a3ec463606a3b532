package com.saldo.ledger;

import static com.saldo.ledger.ApiFixtures.openAccount;
import static com.saldo.ledger.ApiFixtures.openFunding;
import static com.saldo.ledger.ApiFixtures.transfer;
import static com.saldo.ledger.ApiFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.identity.Scope;
import com.saldo.testing.Http;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Proves that verify finds a ledger consistent after every kind of change, and finds each kind of
 * corruption that someone writing to the database behind the engine's back could cause.
 */
class VerifyTest extends LedgerServer {

  @Test
  void aBusyLedgerIsCleanAndEachCorruptionIsFound() throws Exception {
    Http api = newTenant();
    String funding = openFunding(api);
    String a = openAccount(api);
    String b = openAccount(api, Map.of("maxBalance", 1_000_000));
    Map<String, Object> top = transfer(funding, a, 10_000);
    api.post("/v1/transfers", top);
    Map<String, Object> pay = transfer(a, b, 3_000);
    api.post("/v1/transfers", pay);
    Map<String, Object> refund =
        with(with(transfer(b, a, 500), "kind", "refund"), "refundOf", pay.get("id"));
    api.post("/v1/transfers", refund);
    Map<String, Object> hold = with(transfer(a, b, 2_000), "hold", true);
    api.post("/v1/transfers", hold);
    Map<String, Object> captured = with(transfer(a, b, 1_000), "hold", true);
    api.post("/v1/transfers", captured);
    api.post("/v1/transfers/" + captured.get("id") + "/capture", Map.of("amount", 400));
    Map<String, Object> voided = with(transfer(a, b, 100), "hold", true);
    api.post("/v1/transfers", voided);
    api.post("/v1/transfers/" + voided.get("id") + "/void", null);
    api.post("/v1/transfers", transfer(a, b, 999_999_999));

    Http operator = tenant(UUID.randomUUID(), Scope.OPERATOR);
    assertThat(api.get("/v1/operator/verify").status()).isEqualTo(403);
    JsonNode clean = operator.get("/v1/operator/verify").json();
    assertThat(clean.get("differences").size()).as(clean.toString()).isZero();
    assertThat(clean.get("clean").asBoolean()).isTrue();
    assertThat(clean.get("counted").get("entries").asLong()).isPositive();

    assertFound(
        operator,
        "UPDATE ledger.accounts SET credits_posted = credits_posted + 1 WHERE id = '" + a + "'",
        "UPDATE ledger.accounts SET credits_posted = credits_posted - 1 WHERE id = '" + a + "'",
        "account_totals_match_entries",
        "double_entry");
    assertFound(
        operator,
        "UPDATE ledger.entries SET balance_after = balance_after + 7 WHERE account_id = '"
            + b
            + "' AND seq = 1",
        "UPDATE ledger.entries SET balance_after = balance_after - 7 WHERE account_id = '"
            + b
            + "' AND seq = 1",
        "running_balances");
    assertFound(
        operator,
        "UPDATE ledger.accounts SET debits_pending = debits_pending + 5, credits_pending = credits_pending + 5 WHERE id = '"
            + a
            + "'",
        "UPDATE ledger.accounts SET debits_pending = debits_pending - 5, credits_pending = credits_pending - 5 WHERE id = '"
            + a
            + "'",
        "pending_totals_match_holds");
    assertFound(
        operator,
        "DELETE FROM ledger.pending_holds WHERE transfer_id = '" + hold.get("id") + "'",
        "INSERT INTO ledger.pending_holds SELECT tenant_id, id, hold_expires_at FROM ledger.transfers WHERE id = '"
            + hold.get("id")
            + "'",
        "pending_holds_listed");
    assertFound(
        operator,
        "UPDATE ledger.transfers SET refunded_amount = 0 WHERE id = '" + pay.get("id") + "'",
        "UPDATE ledger.transfers SET refunded_amount = 500 WHERE id = '" + pay.get("id") + "'",
        "refunds_sum");
    assertFound(
        operator,
        "UPDATE ledger.outbox SET type = 'transfer.voided' WHERE subject_id = '"
            + top.get("id")
            + "'",
        "UPDATE ledger.outbox SET type = 'transfer.posted' WHERE subject_id = '"
            + top.get("id")
            + "'",
        "outbox_matches_transfers");
    assertFound(
        operator,
        "UPDATE ledger.transfers SET captured_amount = 300 WHERE id = '" + captured.get("id") + "'",
        "UPDATE ledger.transfers SET captured_amount = 400 WHERE id = '" + captured.get("id") + "'",
        "entries_per_transfer");
    // The database refuses a broken bound itself; verify must catch one all the same (a store
    // without that constraint, a constraint dropped by mistake).
    assertFound(
        operator,
        "ALTER TABLE ledger.accounts DROP CONSTRAINT accounts_min_balance;"
            + " UPDATE ledger.accounts SET min_balance = 100000 WHERE id = '"
            + a
            + "'",
        "UPDATE ledger.accounts SET min_balance = 0 WHERE id = '"
            + a
            + "';"
            + " ALTER TABLE ledger.accounts ADD CONSTRAINT accounts_min_balance CHECK (credits_posted"
            + " - debits_posted - debits_pending >= COALESCE(min_balance, -9007199254740991))",
        "bounds");
    assertThat(operator.get("/v1/operator/verify").json().get("clean").asBoolean()).isTrue();
  }

  /** Corrupts, checks that verify names the broken rule, repairs. */
  private void assertFound(Http operator, String corrupt, String repair, String... checks)
      throws Exception {
    try (Connection db =
            DriverManager.getConnection(
                database().url(), database().user(), database().password());
        Statement sql = db.createStatement()) {
      sql.execute(
          "SET session_replication_role = replica"); // around the constraints, as a bug would
      sql.execute(corrupt);
      JsonNode report = operator.get("/v1/operator/verify").json();
      assertThat(report.get("clean").asBoolean()).isFalse();
      assertThat(
              report.get("differences").valueStream().map(d -> d.get("check").asString()).toList())
          .as(corrupt)
          .contains(checks);
      sql.execute(repair);
    }
  }
}
