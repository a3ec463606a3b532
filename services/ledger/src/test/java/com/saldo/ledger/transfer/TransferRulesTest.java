package com.saldo.ledger.transfer;

import static com.saldo.ledger.transfer.TestLedger.code;
import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.ledger.account.AccountStatus;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Proves each rule of a transfer, one row per rejection and per precedence pair that matters, and
 * that a rejected transfer changes no balance.
 */
class TransferRulesTest {

  private TestLedger ledger;

  @BeforeEach
  void accounts() {
    ledger =
        new TestLedger()
            .account("funded", "EUR", AccountStatus.ACTIVE, 100, 0L, null)
            .account("empty", "EUR", AccountStatus.ACTIVE, 0, 0L, null)
            .account("frozen", "EUR", AccountStatus.FROZEN, 100, 0L, null)
            .account("closed", "EUR", AccountStatus.CLOSED, 0, 0L, null)
            .account("dollars", "USD", AccountStatus.ACTIVE, 100, 0L, null)
            .account("capped", "EUR", AccountStatus.ACTIVE, 100, 0L, 150L)
            .account("overdraft", "EUR", AccountStatus.ACTIVE, 0, -50L, null)
            .account("system", "EUR", AccountStatus.ACTIVE, 0, null, null);
  }

  @ParameterizedTest(name = "{0} -> {1}, {2} {3}: {4}")
  @CsvSource(
      textBlock =
          """
          # debit,   credit,   amount, currency, outcome
          funded,    empty,    50,     EUR,      posted
          funded,    empty,    100,    EUR,      posted
          missing,   empty,    50,     EUR,      account_not_found
          funded,    missing,  50,     EUR,      account_not_found
          funded,    dollars,  50,     EUR,      currency_mismatch
          funded,    empty,    50,     USD,      currency_mismatch
          funded,    funded,   50,     EUR,      same_account
          funded,    closed,   50,     EUR,      account_closed
          closed,    funded,   50,     EUR,      account_closed
          frozen,    empty,    50,     EUR,      account_frozen
          empty,     frozen,   1,      EUR,      insufficient_funds
          funded,    frozen,   50,     EUR,      posted
          funded,    empty,    101,    EUR,      insufficient_funds
          overdraft, empty,    50,     EUR,      posted
          overdraft, empty,    51,     EUR,      insufficient_funds
          system,    empty,    1000000000000000, EUR, posted
          funded,    capped,   50,     EUR,      posted
          funded,    capped,   51,     EUR,      balance_limit_exceeded
          # precedence: the earlier rule wins
          missing,   missing,  50,     EUR,      account_not_found
          dollars,   dollars,  50,     EUR,      currency_mismatch
          closed,    dollars,  50,     EUR,      currency_mismatch
          closed,    closed,   50,     EUR,      same_account
          frozen,    closed,   50,     EUR,      account_closed
          frozen,    capped,   500,    EUR,      account_frozen
          empty,     capped,   51,     EUR,      insufficient_funds
          """,
      commentCharacter = '#')
  void rules(String debit, String credit, long amount, String currency, String expected) {
    var debitBefore = ledger.account(debit);
    var creditBefore = ledger.account(credit);
    TransferOutcome outcome = ledger.submit(ledger.request(debit, credit, amount, currency));
    assertThat(code(outcome)).isEqualTo(expected);
    if (outcome instanceof TransferOutcome.Rejected) {
      assertThat(ledger.account(debit)).isEqualTo(debitBefore);
      assertThat(ledger.account(credit)).isEqualTo(creditBefore);
    }
  }

  @Test
  void aRejectionIsKeptUnderItsIdAndARetryGetsItAgainEvenAfterFundsArrive() {
    TransferRequest request = ledger.request("empty", "funded", 10, "EUR");
    assertThat(code(ledger.submit(request))).isEqualTo("insufficient_funds");
    ledger.submit(ledger.request("system", "empty", 1_000, "EUR"));
    assertThat(code(ledger.submit(request))).isEqualTo("insufficient_funds");
    assertThat(ledger.account("empty").posted()).isEqualTo(1_000);
  }

  @Test
  void theSameIdWithOtherFieldsIsAConflictAndTheSameRequestAReplay() {
    TransferRequest request = ledger.request("funded", "empty", 10, "EUR");
    assertThat(code(ledger.submit(request))).isEqualTo("posted");
    assertThat(code(ledger.submit(request))).isEqualTo("replayed:posted");
    TransferRequest other =
        new TransferRequest(
            request.tenantId(),
            request.id(),
            request.debitAccountId(),
            request.creditAccountId(),
            11,
            "EUR",
            request.kind(),
            false,
            0,
            null,
            null,
            "{}");
    assertThat(code(ledger.submit(other))).isEqualTo("id_conflict");
    assertThat(ledger.account("funded").posted()).isEqualTo(90);
  }

  @Test
  void aHoldReservesFundsAndAPartialCaptureReleasesTheRest() {
    TransferRequest hold = ledger.hold("funded", "capped", 40, 60);
    assertThat(code(ledger.submit(hold))).isEqualTo("pending");
    assertThat(ledger.account("funded").available()).isEqualTo(60);
    assertThat(ledger.account("funded").held()).isEqualTo(40);
    assertThat(code(ledger.submit(ledger.request("funded", "empty", 61, "EUR"))))
        .isEqualTo("insufficient_funds");
    // An incoming hold counts against the maximum balance of the credit side.
    assertThat(code(ledger.submit(ledger.request("system", "capped", 11, "EUR"))))
        .isEqualTo("balance_limit_exceeded");
    assertThat(code(ledger.capture(hold.id(), 41L))).isEqualTo("capture_exceeds_hold");
    assertThat(code(ledger.capture(hold.id(), 25L))).isEqualTo("posted");
    assertThat(code(ledger.capture(hold.id(), 25L))).isEqualTo("replayed:posted");
    assertThat(code(ledger.capture(hold.id(), null))).isEqualTo("replayed:posted");
    assertThat(code(ledger.capture(hold.id(), 30L))).isEqualTo("hold_not_pending");
    assertThat(code(ledger.voidHold(hold.id()))).isEqualTo("hold_not_pending");
    assertThat(ledger.account("funded").posted()).isEqualTo(75);
    assertThat(ledger.account("funded").held()).isZero();
    assertThat(ledger.account("capped").posted()).isEqualTo(125);
    assertThat(ledger.account("capped").creditsPending()).isZero();
  }

  @Test
  void everyChangeRaisesEachAccountsVersionByExactlyOne() {
    long funded = ledger.account("funded").version();
    long empty = ledger.account("empty").version();
    TransferRequest hold = ledger.hold("funded", "empty", 40, 60);
    ledger.submit(hold);
    assertThat(ledger.account("funded").version()).isEqualTo(funded + 1);
    assertThat(ledger.account("empty").version()).isEqualTo(empty + 1);
    ledger.capture(hold.id(), 25L);
    assertThat(ledger.account("funded").version()).isEqualTo(funded + 2);
    assertThat(ledger.account("empty").version()).isEqualTo(empty + 2);
    TransferRequest other = ledger.hold("funded", "empty", 10, 60);
    ledger.submit(other);
    ledger.voidHold(other.id());
    assertThat(ledger.account("funded").version()).isEqualTo(funded + 4);
    ledger.submit(ledger.request("funded", "empty", 5, "EUR"));
    assertThat(ledger.account("funded").version()).isEqualTo(funded + 5);
  }

  @Test
  void aVoidReleasesEverythingAndIsFinal() {
    TransferRequest hold = ledger.hold("funded", "empty", 40, 60);
    ledger.submit(hold);
    assertThat(code(ledger.voidHold(hold.id()))).isEqualTo("voided");
    assertThat(code(ledger.voidHold(hold.id()))).isEqualTo("replayed:voided");
    assertThat(code(ledger.capture(hold.id(), null))).isEqualTo("hold_not_pending");
    assertThat(ledger.account("funded").available()).isEqualTo(100);
    assertThat(code(ledger.voidHold(UUID.randomUUID()))).isEqualTo("transfer_not_found");
    TransferRequest posted = ledger.request("funded", "empty", 1, "EUR");
    ledger.submit(posted);
    assertThat(code(ledger.voidHold(posted.id()))).isEqualTo("hold_not_pending");
  }

  @Test
  void aHoldPastItsTimeExpiresAndCannotBeCaptured() {
    TransferRequest hold = ledger.hold("funded", "empty", 40, 60);
    ledger.submit(hold);
    ledger.advance(Duration.ofSeconds(59));
    assertThat(ledger.account("funded").held()).isEqualTo(40);
    ledger.advance(Duration.ofSeconds(1));
    assertThat(code(ledger.capture(hold.id(), null))).isEqualTo("hold_not_pending");
    assertThat(((Transfer) ledger.store.transfer(hold.key())).status())
        .isEqualTo(TransferStatus.EXPIRED);
    assertThat(ledger.account("funded").available()).isEqualTo(100);
    assertThat(ledger.store.events).extracting(TransferEvent::type).contains("transfer.expired");
  }

  @Test
  void theSweeperExpiresDueHoldsOnly() {
    TransferRequest soon = ledger.hold("funded", "empty", 10, 5);
    TransferRequest later = ledger.hold("funded", "empty", 10, 500);
    ledger.submit(soon);
    ledger.submit(later);
    ledger.advance(Duration.ofSeconds(5));
    List<TransferKey> due = ledger.store.expiredHolds(ledger.clock.instant(), 100);
    assertThat(due).containsExactly(soon.key());
    assertThat(code(ledger.run(new Command.ExpireHold(soon.key())).getFirst()))
        .isEqualTo("expired");
    assertThat(code(ledger.run(new Command.ExpireHold(later.key())).getFirst()))
        .isEqualTo("replayed:pending");
    assertThat(ledger.account("funded").held()).isEqualTo(10);
  }

  @Test
  void refundsReverseTheOriginalAndNeverSumAboveIt() {
    TransferRequest payment = ledger.request("funded", "empty", 60, "EUR");
    ledger.submit(payment);
    assertThat(code(ledger.submit(ledger.refund("empty", "funded", 40, payment.id()))))
        .isEqualTo("posted");
    assertThat(code(ledger.submit(ledger.refund("empty", "funded", 21, payment.id()))))
        .isEqualTo("refund_exceeds_original");
    assertThat(code(ledger.submit(ledger.refund("empty", "funded", 20, payment.id()))))
        .isEqualTo("posted");
    assertThat(code(ledger.submit(ledger.refund("empty", "funded", 1, payment.id()))))
        .isEqualTo("refund_exceeds_original");
    assertThat(code(ledger.submit(ledger.refund("funded", "empty", 1, payment.id()))))
        .isEqualTo("refund_mismatch");
    assertThat(code(ledger.submit(ledger.refund("empty", "system", 1, payment.id()))))
        .isEqualTo("refund_mismatch");
    assertThat(code(ledger.submit(ledger.refund("empty", "funded", 1, UUID.randomUUID()))))
        .isEqualTo("refund_mismatch");
    assertThat(ledger.account("funded").posted()).isEqualTo(100);
  }

  @Test
  void aCapturedHoldIsRefundableUpToTheCapturedAmountOnly() {
    TransferRequest hold = ledger.hold("funded", "empty", 50, 60);
    ledger.submit(hold);
    assertThat(code(ledger.submit(ledger.refund("empty", "funded", 1, hold.id()))))
        .isEqualTo("refund_mismatch");
    ledger.capture(hold.id(), 30L);
    assertThat(code(ledger.submit(ledger.refund("empty", "funded", 31, hold.id()))))
        .isEqualTo("refund_exceeds_original");
    assertThat(code(ledger.submit(ledger.refund("empty", "funded", 30, hold.id()))))
        .isEqualTo("posted");
  }

  @Test
  void anAtomicBatchIsAllOrNothing() {
    TransferRequest ok = ledger.request("funded", "empty", 30, "EUR");
    TransferRequest bad = ledger.request("funded", "empty", 80, "EUR");
    List<TransferOutcome> outcomes =
        ledger.run(new Command.SubmitTransfers(List.of(ok, bad), true));
    assertThat(outcomes)
        .extracting(TestLedger::code)
        .containsExactly("batch_aborted", "insufficient_funds");
    assertThat(ledger.account("funded").posted()).isEqualTo(100);
    assertThat(ledger.store.transfers).isEmpty();
    assertThat(ledger.store.entries).isEmpty();
    // Nothing was kept: the same ids are free, and succeed together when they fit.
    TransferRequest smaller =
        new TransferRequest(
            bad.tenantId(),
            bad.id(),
            bad.debitAccountId(),
            bad.creditAccountId(),
            70,
            "EUR",
            bad.kind(),
            false,
            0,
            null,
            null,
            "{}");
    assertThat(ledger.run(new Command.SubmitTransfers(List.of(ok, smaller), true)))
        .extracting(TestLedger::code)
        .containsExactly("posted", "posted");
    assertThat(ledger.account("funded").posted()).isZero();
  }

  @Test
  void aNonAtomicBatchDecidesEachTransferAgainstTheOnesBefore() {
    List<TransferOutcome> outcomes =
        ledger.run(
            new Command.SubmitTransfers(
                List.of(
                    ledger.request("funded", "empty", 60, "EUR"),
                    ledger.request("funded", "empty", 60, "EUR"),
                    ledger.request("empty", "overdraft", 60, "EUR")),
                false));
    assertThat(outcomes)
        .extracting(TestLedger::code)
        .containsExactly("posted", "insufficient_funds", "posted");
  }

  @Test
  void entriesCarryTheRunningBalanceOfTheirAccount() {
    ledger.submit(ledger.request("funded", "empty", 30, "EUR"));
    ledger.submit(ledger.request("empty", "funded", 10, "EUR"));
    List<Entry> ofEmpty =
        ledger.store.entries.stream()
            .filter(e -> e.accountId().equals(ledger.id("empty")))
            .toList();
    assertThat(ofEmpty).extracting(Entry::seq).containsExactly(1L, 2L);
    assertThat(ofEmpty).extracting(Entry::amount).containsExactly(30L, -10L);
    assertThat(ofEmpty).extracting(Entry::balanceAfter).containsExactly(30L, 20L);
  }
}
