package com.saldo.ledger.transfer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saldo.ledger.account.Account;
import com.saldo.ledger.account.AccountKey;
import com.saldo.ledger.account.AccountStatus;
import com.saldo.ledger.transfer.BatchProcessor;
import com.saldo.ledger.transfer.Command;
import com.saldo.ledger.transfer.InMemoryLedgerStore;
import com.saldo.ledger.transfer.LedgerStore;
import com.saldo.ledger.transfer.TransferKey;
import com.saldo.ledger.transfer.TransferKind;
import com.saldo.ledger.transfer.TransferOutcome;
import com.saldo.ledger.transfer.TransferRequest;
import com.saldo.store.StoreConflictException;
import com.saldo.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Proves the engine's promises: commands queued while a batch runs share the next transaction; a
 * full queue refuses at once; a lost race is retried; an outage fails every command of the batch
 * without applying any; one bad command does not fail the others; shutdown drains the queue.
 */
class WriteEngineTest {

  private final UUID tenant = UUID.randomUUID();
  private final UUID from = UUID.randomUUID();
  private final UUID to = UUID.randomUUID();
  private final InMemoryLedgerStore memory = new InMemoryLedgerStore();

  WriteEngineTest() {
    memory.put(account(from, null));
    memory.put(account(to, 0L));
  }

  private Account account(UUID id, Long min) {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    return new Account(
        tenant,
        id,
        "EUR",
        null,
        AccountStatus.ACTIVE,
        min,
        null,
        0,
        0,
        0,
        0,
        "{}",
        t,
        t,
        1,
        0,
        "h");
  }

  private Command pay(long amount) {
    return new Command.SubmitTransfers(
        List.of(
            new TransferRequest(
                tenant,
                UUID.randomUUID(),
                from,
                to,
                amount,
                "EUR",
                TransferKind.PAYMENT,
                false,
                0,
                null,
                null,
                "{}")),
        false);
  }

  private WriteEngine engine(LedgerStore store, int queue) {
    return new WriteEngine(
        new BatchProcessor(store, Clock.systemUTC(), UUID::randomUUID),
        new EngineLimits(1, 1000, queue, 3, Duration.ofSeconds(5)));
  }

  /** Blocks every transaction until released, to pile commands up behind the first. */
  private static final class Gate implements LedgerStore {
    final LedgerStore inner;
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    Gate(LedgerStore inner) {
      this.inner = inner;
    }

    @Override
    public <T> T inTransaction(Function<Session, T> work) {
      entered.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return inner.inTransaction(work);
    }

    @Override
    public List<TransferKey> expiredHolds(Instant now, int limit) {
      return inner.expiredHolds(now, limit);
    }
  }

  @Test
  void commandsQueuedDuringABatchShareTheNextTransaction() throws Exception {
    Gate gate = new Gate(memory);
    try (WriteEngine engine = engine(gate, 1000)) {
      CompletableFuture<List<TransferOutcome>> first = engine.submit(pay(1));
      gate.entered.await(5, TimeUnit.SECONDS);
      List<CompletableFuture<List<TransferOutcome>>> rest = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        rest.add(engine.submit(pay(1)));
      }
      gate.release.countDown();
      first.get(5, TimeUnit.SECONDS);
      for (CompletableFuture<List<TransferOutcome>> f : rest) {
        assertThat(f.get(5, TimeUnit.SECONDS).getFirst())
            .isInstanceOf(TransferOutcome.Created.class);
      }
      assertThat(memory.account(new AccountKey(tenant, to)).posted()).isEqualTo(51);
      assertThat(engine.batchCount()).isEqualTo(2);
    }
  }

  @Test
  void aFullQueueRefusesAtOnce() throws Exception {
    Gate gate = new Gate(memory);
    try (WriteEngine engine = engine(gate, 2)) {
      engine.submit(pay(1));
      gate.entered.await(5, TimeUnit.SECONDS);
      engine.submit(pay(1));
      engine.submit(pay(1));
      CompletableFuture<List<TransferOutcome>> refused = engine.submit(pay(1));
      assertThat(refused).isCompletedExceptionally();
      assertThatThrownBy(refused::get)
          .cause()
          .isInstanceOfSatisfying(
              EngineUnavailableException.class, e -> assertThat(e.overloaded()).isTrue());
      gate.release.countDown();
    }
    assertThat(memory.account(new AccountKey(tenant, to)).posted()).isEqualTo(3);
  }

  @Test
  void aLostRaceIsRetriedAndAnOutageAppliesNothing() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    LedgerStore flaky =
        new LedgerStore() {
          @Override
          public <T> T inTransaction(Function<Session, T> work) {
            int call = calls.incrementAndGet();
            if (call == 1) {
              throw new StoreConflictException("serialization failure", null);
            }
            if (call == 3) {
              throw new StoreUnavailableException("connection refused", null);
            }
            return memory.inTransaction(work);
          }

          @Override
          public List<TransferKey> expiredHolds(Instant now, int limit) {
            return List.of();
          }
        };
    try (WriteEngine engine = engine(flaky, 100)) {
      assertThat(engine.submit(pay(5)).get(5, TimeUnit.SECONDS).getFirst())
          .isInstanceOf(TransferOutcome.Created.class);
      assertThatThrownBy(() -> engine.submit(pay(7)).get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(EngineUnavailableException.class);
      assertThat(engine.submit(pay(11)).get(5, TimeUnit.SECONDS).getFirst())
          .isInstanceOf(TransferOutcome.Created.class);
    }
    assertThat(memory.account(new AccountKey(tenant, to)).posted()).isEqualTo(16);
  }

  /** A store that fails every transaction touching {@code poison}, as a bug would. */
  private LedgerStore picky(UUID poison, AtomicInteger transactions) {
    return new LedgerStore() {
      @Override
      public <T> T inTransaction(Function<Session, T> work) {
        transactions.incrementAndGet();
        return memory.inTransaction(
            session ->
                work.apply(
                    new Session() {
                      @Override
                      public java.util.Map<TransferKey, com.saldo.ledger.transfer.Recorded>
                          findTransfers(java.util.Set<TransferKey> keys) {
                        if (keys.stream().anyMatch(k -> k.id().equals(poison))) {
                          throw new IllegalStateException("a bug that one command triggers");
                        }
                        return session.findTransfers(keys);
                      }

                      @Override
                      public java.util.Map<AccountKey, Account> lockAccounts(
                          java.util.SortedSet<AccountKey> keys) {
                        return session.lockAccounts(keys);
                      }

                      @Override
                      public void write(com.saldo.ledger.transfer.Changes changes) {
                        session.write(changes);
                      }
                    }));
      }

      @Override
      public List<TransferKey> expiredHolds(Instant now, int limit) {
        return List.of();
      }
    };
  }

  @Test
  void oneFailingCommandDoesNotFailItsBatch() throws Exception {
    UUID poison = UUID.randomUUID();
    LedgerStore picky = picky(poison, new AtomicInteger());
    Gate gate = new Gate(picky);
    try (WriteEngine engine = engine(gate, 100)) {
      CompletableFuture<List<TransferOutcome>> first = engine.submit(pay(1));
      gate.entered.await(5, TimeUnit.SECONDS);
      CompletableFuture<List<TransferOutcome>> good = engine.submit(pay(2));
      CompletableFuture<List<TransferOutcome>> bad =
          engine.submit(new Command.VoidHold(new TransferKey(tenant, poison)));
      CompletableFuture<List<TransferOutcome>> alsoGood = engine.submit(pay(4));
      gate.release.countDown();
      first.get(5, TimeUnit.SECONDS);
      assertThat(good.get(5, TimeUnit.SECONDS).getFirst())
          .isInstanceOf(TransferOutcome.Created.class);
      assertThat(alsoGood.get(5, TimeUnit.SECONDS).getFirst())
          .isInstanceOf(TransferOutcome.Created.class);
      assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    }
    assertThat(memory.account(new AccountKey(tenant, to)).posted()).isEqualTo(7);
  }

  @Test
  void aFailingCommandCostsItsBatchAFewTransactionsNotOneEach() throws Exception {
    UUID poison = UUID.randomUUID();
    AtomicInteger transactions = new AtomicInteger();
    Gate gate = new Gate(picky(poison, transactions));
    List<CompletableFuture<List<TransferOutcome>>> good = new ArrayList<>();
    try (WriteEngine engine = engine(gate, 100)) {
      CompletableFuture<List<TransferOutcome>> first = engine.submit(pay(1));
      gate.entered.await(5, TimeUnit.SECONDS);
      for (int i = 0; i < 63; i++) {
        good.add(engine.submit(pay(1)));
        if (i == 40) {
          engine.submit(new Command.VoidHold(new TransferKey(tenant, poison)));
        }
      }
      gate.release.countDown();
      first.get(5, TimeUnit.SECONDS);
      for (CompletableFuture<List<TransferOutcome>> one : good) {
        assertThat(one.get(5, TimeUnit.SECONDS).getFirst())
            .isInstanceOf(TransferOutcome.Created.class);
      }
      // the first command's, then for the 64 queued behind it the whole batch and a failing and
      // a committed half on each of 6 levels (one transaction each, 66 in all, before)
      assertThat(transactions.get()).isEqualTo(1 + 1 + 2 * 6);
      assertThat(engine.bisectionCount()).isEqualTo(6);
    }
    assertThat(memory.account(new AccountKey(tenant, to)).posted()).isEqualTo(64);
  }

  @Test
  void closingAppliesWhatIsQueuedAndRefusesWhatComesAfter() throws Exception {
    Gate gate = new Gate(memory);
    WriteEngine engine = engine(gate, 100);
    engine.submit(pay(1));
    gate.entered.await(5, TimeUnit.SECONDS);
    List<CompletableFuture<List<TransferOutcome>>> queued = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      queued.add(engine.submit(pay(1)));
    }
    Thread closer = Thread.ofVirtual().start(engine::close);
    gate.release.countDown();
    closer.join(Duration.ofSeconds(10));
    for (CompletableFuture<List<TransferOutcome>> f : queued) {
      assertThat(f.get(1, TimeUnit.SECONDS).getFirst()).isInstanceOf(TransferOutcome.Created.class);
    }
    assertThat(engine.submit(pay(1))).isCompletedExceptionally();
    assertThat(memory.account(new AccountKey(tenant, to)).posted()).isEqualTo(11);
  }
}
