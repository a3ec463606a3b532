package com.saldo.ledger.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.ledger.account.Account;
import com.saldo.ledger.account.AccountStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Proves the ledger's invariants for any sequence of operations (transfers, holds, captures, voids,
 * refunds, expiries, atomic and plain batches, retries with the same id, several commands in one
 * transaction): per currency the balances sum to zero, no bound is ever passed, entries sum to the
 * posted balance with exact running balances, refunds never exceed their original, and the outcome
 * of an id never changes.
 */
class LedgerPropertiesTest {

  private static final String[] NAMES = {
    "system", "a", "b", "c", "capped", "overdraft", "usd1", "usd2"
  };

  sealed interface Op {}

  record Move(int debit, int credit, long amount, boolean hold, long timeout, boolean sameCurrency)
      implements Op {}

  record Capture(int hold, Long amount) implements Op {}

  record Release(int hold) implements Op {}

  record Refund(int original, long amount) implements Op {}

  record Retry(int request) implements Op {}

  record Advance(long seconds) implements Op {}

  record Sweep() implements Op {}

  record Batch(List<Move> moves, boolean atomic) implements Op {}

  record Group(List<Op> ops) implements Op {}

  @Property(tries = 300)
  void invariantsHold(@ForAll("operations") @Size(max = 60) List<Op> ops) {
    TestLedger ledger = new TestLedger();
    ledger.account("system", "EUR", AccountStatus.ACTIVE, 0, null, null);
    ledger.account("a", "EUR", AccountStatus.ACTIVE, 0, 0L, null);
    ledger.account("b", "EUR", AccountStatus.ACTIVE, 0, 0L, null);
    ledger.account("c", "EUR", AccountStatus.ACTIVE, 0, 0L, null);
    ledger.account("capped", "EUR", AccountStatus.ACTIVE, 0, 0L, 5_000L);
    ledger.account("overdraft", "EUR", AccountStatus.ACTIVE, 0, -2_000L, null);
    ledger.account("usd1", "USD", AccountStatus.ACTIVE, 0, null, null);
    ledger.account("usd2", "USD", AccountStatus.ACTIVE, 0, 0L, null);
    Run run = new Run(ledger);
    for (Op op : ops) {
      List<Command> commands = new ArrayList<>();
      List<List<TransferRequest>> submitted = new ArrayList<>();
      collect(op, run, commands, submitted);
      if (!commands.isEmpty()) {
        List<List<TransferOutcome>> outcomes = ledger.processor.process(commands);
        for (int i = 0; i < commands.size(); i++) {
          run.remember(
              submitted.get(i),
              outcomes.get(i),
              commands.get(i) instanceof Command.SubmitTransfers submit && submit.atomic());
        }
      }
      checkInvariants(ledger);
    }
  }

  private void collect(
      Op op, Run run, List<Command> commands, List<List<TransferRequest>> submitted) {
    switch (op) {
      case Move move -> add(commands, submitted, List.of(run.request(move)), false);
      case Batch batch ->
          add(
              commands,
              submitted,
              batch.moves().stream().map(run::request).toList(),
              batch.atomic());
      case Capture c when !run.requests.isEmpty() -> {
        commands.add(new Command.CaptureHold(run.pick(c.hold()).key(), c.amount()));
        submitted.add(List.of());
      }
      case Release r when !run.requests.isEmpty() -> {
        commands.add(new Command.VoidHold(run.pick(r.hold()).key()));
        submitted.add(List.of());
      }
      case Refund r when !run.requests.isEmpty() -> {
        TransferRequest original = run.pick(r.original());
        TransferRequest refund =
            new TransferRequest(
                original.tenantId(),
                UUID.randomUUID(),
                original.creditAccountId(),
                original.debitAccountId(),
                r.amount(),
                original.currency(),
                TransferKind.REFUND,
                false,
                0,
                original.id(),
                null,
                "{}");
        add(commands, submitted, List.of(refund), false);
      }
      case Retry r when !run.requests.isEmpty() ->
          add(commands, submitted, List.of(run.pick(r.request())), false);
      case Advance a -> run.ledger.advance(Duration.ofSeconds(a.seconds()));
      case Sweep s -> {
        for (TransferKey key : run.ledger.store.expiredHolds(run.ledger.clock.instant(), 100)) {
          commands.add(new Command.ExpireHold(key));
          submitted.add(List.of());
        }
      }
      case Group g -> g.ops().forEach(inner -> collect(inner, run, commands, submitted));
      default -> {}
    }
  }

  private static void add(
      List<Command> commands,
      List<List<TransferRequest>> submitted,
      List<TransferRequest> requests,
      boolean atomic) {
    commands.add(new Command.SubmitTransfers(requests, atomic));
    submitted.add(requests);
  }

  private static void checkInvariants(TestLedger ledger) {
    Map<String, Long> postedByCurrency = new HashMap<>();
    Map<String, Long> pendingByCurrency = new HashMap<>();
    for (Account account : ledger.store.accounts.values()) {
      postedByCurrency.merge(account.currency(), account.posted(), Math::addExact);
      pendingByCurrency.merge(
          account.currency(), account.creditsPending() - account.debitsPending(), Math::addExact);
      assertThat(account.available()).isGreaterThanOrEqualTo(account.availableMin());
      assertThat(account.creditExposure()).isLessThanOrEqualTo(account.exposureMax());
      List<Entry> entries =
          ledger.store.entries.stream().filter(e -> e.accountId().equals(account.id())).toList();
      long running = 0;
      for (int i = 0; i < entries.size(); i++) {
        running += entries.get(i).amount();
        assertThat(entries.get(i).seq()).isEqualTo(i + 1);
        assertThat(entries.get(i).balanceAfter()).isEqualTo(running);
      }
      assertThat(running).isEqualTo(account.posted());
      assertThat(account.entryCount()).isEqualTo(entries.size());
    }
    postedByCurrency.values().forEach(sum -> assertThat(sum).isZero());
    pendingByCurrency.values().forEach(sum -> assertThat(sum).isZero());
    for (Recorded recorded : ledger.store.transfers.values()) {
      if (recorded instanceof Transfer t) {
        assertThat(t.refundedAmount()).isBetween(0L, t.postedAmount());
        boolean pendingHold = t.status() == TransferStatus.PENDING;
        assertThat(ledger.store.pendingHolds.containsKey(t.key())).isEqualTo(pendingHold);
      }
    }
  }

  /** The requests made so far and the first outcome of each id. */
  private static final class Run {
    final TestLedger ledger;
    final List<TransferRequest> requests = new ArrayList<>();
    final Map<UUID, String> firstOutcome = new HashMap<>();

    Run(TestLedger ledger) {
      this.ledger = ledger;
    }

    TransferRequest pick(int index) {
      return requests.get(Math.floorMod(index, requests.size()));
    }

    TransferRequest request(Move move) {
      String debit = NAMES[move.debit() % NAMES.length];
      String credit = NAMES[move.credit() % NAMES.length];
      TransferRequest base =
          move.hold()
              ? ledger.hold(debit, credit, move.amount(), move.timeout())
              : ledger.request(debit, credit, move.amount(), move.sameCurrency() ? "EUR" : "USD");
      return base;
    }

    /** Records each id's first outcome and asserts that a later one is the same. */
    void remember(List<TransferRequest> submitted, List<TransferOutcome> outcomes, boolean atomic) {
      // An atomic batch with any rejection keeps nothing, so its ids have no outcome yet; this
      // includes a batch of one, whose only answer is its own rejection, with no batch_aborted
      // beside it (README, "The API").
      boolean aborted =
          atomic && outcomes.stream().anyMatch(o -> o instanceof TransferOutcome.Rejected);
      if (aborted) {
        return;
      }
      for (int i = 0; i < submitted.size(); i++) {
        TransferRequest request = submitted.get(i);
        String outcome =
            switch (outcomes.get(i)) {
              case TransferOutcome.Created c -> "accepted";
              case TransferOutcome.Replayed r -> "accepted";
              case TransferOutcome.Changed c -> "accepted";
              case TransferOutcome.Rejected r -> r.reason().code();
            };
        String first = firstOutcome.putIfAbsent(request.id(), outcome);
        if (first != null) {
          assertThat(outcome).as("outcome of id %s", request.id()).isEqualTo(first);
        }
        if (!requests.contains(request)) {
          requests.add(request);
        }
      }
    }
  }

  @Provide
  Arbitrary<List<Op>> operations() {
    Arbitrary<Move> move =
        Combinators.combine(
                Arbitraries.integers().between(0, NAMES.length - 1),
                Arbitraries.integers().between(0, NAMES.length - 1),
                Arbitraries.longs().between(1, 3_000),
                Arbitraries.of(false, false, true),
                Arbitraries.longs().between(1, 120),
                Arbitraries.of(true, true, true, false))
            .as(Move::new);
    Arbitrary<Op> single =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(10, move.map(m -> (Op) m)),
            net.jqwik.api.Tuple.of(
                3,
                Combinators.combine(
                        Arbitraries.integers(),
                        Arbitraries.longs().between(1, 3_000).injectNull(0.5))
                    .as(Capture::new)),
            net.jqwik.api.Tuple.of(2, Arbitraries.integers().map(Release::new)),
            net.jqwik.api.Tuple.of(
                3,
                Combinators.combine(Arbitraries.integers(), Arbitraries.longs().between(1, 2_000))
                    .as(Refund::new)),
            net.jqwik.api.Tuple.of(3, Arbitraries.integers().map(Retry::new)),
            net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(1, 90).map(Advance::new)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(new Sweep())),
            net.jqwik.api.Tuple.of(
                2,
                Combinators.combine(
                        move.list().ofMinSize(1).ofMaxSize(6), Arbitraries.of(true, false))
                    .as(Batch::new)));
    Arbitrary<Op> group = single.list().ofMinSize(2).ofMaxSize(5).map(Group::new);
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, single), net.jqwik.api.Tuple.of(1, group))
        .list();
  }
}
