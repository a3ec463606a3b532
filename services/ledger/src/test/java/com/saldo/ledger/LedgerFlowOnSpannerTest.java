package com.saldo.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.jdbc.Database;
import com.saldo.jdbc.Dialect;
import com.saldo.ledger.verify.Verifier;
import com.saldo.testing.OnSpanner;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link LedgerFlowTest}, run on the Spanner emulator, and the verifier's eye there. */
@OnSpanner
class LedgerFlowOnSpannerTest extends LedgerFlowTest {

  @Autowired Verifier verifier;

  @Test
  void runsOnSpanner() {
    assertThat(ledgerDatabase().dialect()).isEqualTo(Dialect.SPANNER);
  }

  /**
   * The checks find on Spanner what they find on PostgreSQL: an account whose balance no entry
   * explains breaks the totals and the double entry of its tenant. The row is removed again, so the
   * shared database verifies clean after the test.
   */
  @Test
  void theVerifierFindsABalanceThatNoEntryExplains() {
    UUID tenant = UUID.randomUUID();
    UUID account = UUID.randomUUID();
    Instant now = Instant.now();
    ledgerDatabase()
        .inTransaction(
            c ->
                Database.update(
                    c,
                    "INSERT INTO accounts (tenant_id, account_id, currency, status, debits_posted,"
                        + " credits_posted, debits_pending, credits_pending, metadata,"
                        + " request_hash, created_at, updated_at, version, entry_count)"
                        + " VALUES (?, ?, 'EUR', 'active', 0, 500, 0, 0, '{}'::jsonb, 'forged', ?,"
                        + " ?, 1, 0)",
                    tenant.toString(),
                    account.toString(),
                    now,
                    now));
    try {
      Verifier.Report report = verifier.verify();
      assertThat(report.differences())
          .extracting(Verifier.Difference::check, Verifier.Difference::subject)
          .contains(
              org.assertj.core.groups.Tuple.tuple(
                  "account_totals_match_entries", account.toString()),
              org.assertj.core.groups.Tuple.tuple("double_entry", "EUR"));
    } finally {
      ledgerDatabase()
          .inTransaction(
              c ->
                  Database.update(
                      c,
                      "DELETE FROM accounts WHERE tenant_id = ? AND account_id = ?",
                      tenant.toString(),
                      account.toString()));
    }
  }
}
