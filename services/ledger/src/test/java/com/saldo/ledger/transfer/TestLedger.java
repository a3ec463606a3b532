package com.saldo.ledger.transfer;

import com.saldo.ledger.account.Account;
import com.saldo.ledger.account.AccountKey;
import com.saldo.ledger.account.AccountStatus;
import com.saldo.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A ledger in memory for rule tests: accounts by short names, a clock the test moves, and the real
 * batch processor over {@link InMemoryLedgerStore}.
 */
final class TestLedger {

  final UUID tenant = UUID.randomUUID();
  final InMemoryLedgerStore store = new InMemoryLedgerStore();
  final Map<String, UUID> names = new HashMap<>();
  final TestClock clock = new TestClock(Instant.parse("2026-11-28T10:00:00Z"));
  final BatchProcessor processor = new BatchProcessor(store, clock, UUID::randomUUID);

  /** An account with a posted balance (credits posted) and bounds. */
  TestLedger account(
      String name, String currency, AccountStatus status, long posted, Long min, Long max) {
    UUID id = names.computeIfAbsent(name, n -> UUID.randomUUID());
    store.put(
        new Account(
            tenant,
            id,
            currency,
            null,
            status,
            min,
            max,
            posted < 0 ? -posted : 0,
            posted > 0 ? posted : 0,
            0,
            0,
            "{}",
            clock.instant(),
            clock.instant(),
            1,
            0,
            "hash"));
    return this;
  }

  UUID id(String name) {
    return names.computeIfAbsent(name, n -> UUID.randomUUID());
  }

  Account account(String name) {
    return store.account(new AccountKey(tenant, id(name)));
  }

  TransferRequest request(String debit, String credit, long amount, String currency) {
    return new TransferRequest(
        tenant,
        UUID.randomUUID(),
        id(debit),
        id(credit),
        amount,
        currency,
        TransferKind.TRANSFER,
        false,
        0,
        null,
        null,
        "{}");
  }

  TransferRequest hold(String debit, String credit, long amount, long timeoutSeconds) {
    TransferRequest r = request(debit, credit, amount, "EUR");
    return new TransferRequest(
        r.tenantId(),
        r.id(),
        r.debitAccountId(),
        r.creditAccountId(),
        amount,
        "EUR",
        TransferKind.PAYMENT,
        true,
        timeoutSeconds,
        null,
        null,
        "{}");
  }

  TransferRequest refund(String debit, String credit, long amount, UUID original) {
    TransferRequest r = request(debit, credit, amount, "EUR");
    return new TransferRequest(
        r.tenantId(),
        r.id(),
        r.debitAccountId(),
        r.creditAccountId(),
        amount,
        "EUR",
        TransferKind.REFUND,
        false,
        0,
        original,
        null,
        "{}");
  }

  TransferOutcome submit(TransferRequest request) {
    return run(new Command.SubmitTransfers(List.of(request), false)).getFirst();
  }

  List<TransferOutcome> run(Command command) {
    return processor.process(List.of(command)).getFirst();
  }

  TransferOutcome capture(UUID hold, Long amount) {
    return run(new Command.CaptureHold(new TransferKey(tenant, hold), amount)).getFirst();
  }

  TransferOutcome voidHold(UUID hold) {
    return run(new Command.VoidHold(new TransferKey(tenant, hold))).getFirst();
  }

  void advance(Duration duration) {
    clock.advance(duration);
  }

  static String code(TransferOutcome outcome) {
    return switch (outcome) {
      case TransferOutcome.Created c -> c.transfer().status().wire();
      case TransferOutcome.Changed c -> c.transfer().status().wire();
      case TransferOutcome.Replayed r -> "replayed:" + r.transfer().status().wire();
      case TransferOutcome.Rejected r -> r.reason().code();
    };
  }
}
