package com.saldo.ledger.transfer.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.jdbc.Database;
import com.saldo.jdbc.Dialect;
import com.saldo.jdbc.SpannerSchema;
import com.saldo.ledger.account.Account;
import com.saldo.ledger.account.AccountKey;
import com.saldo.ledger.transfer.BatchProcessor;
import com.saldo.ledger.transfer.Command;
import com.saldo.ledger.transfer.LedgerStore;
import com.saldo.ledger.transfer.Recorded;
import com.saldo.ledger.transfer.RejectedTransfer;
import com.saldo.ledger.transfer.Rejection;
import com.saldo.ledger.transfer.Transfer;
import com.saldo.ledger.transfer.TransferKey;
import com.saldo.ledger.transfer.TransferKind;
import com.saldo.ledger.transfer.TransferOutcome;
import com.saldo.ledger.transfer.TransferRequest;
import com.saldo.ledger.transfer.TransferStatus;
import com.saldo.ledger.transfer.engine.EngineLimits;
import com.saldo.ledger.transfer.engine.WriteEngine;
import com.saldo.testing.TestBackend;
import com.saldo.testing.TestClock;
import com.saldo.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write engine's store on each database (one suite, run once on PostgreSQL and once on the
 * Spanner emulator): the real batch processor over the real store, checking what a production
 * ledger must keep on both: money conserved, an id's outcome recorded once and replayed, a
 * rejection kept, a hold's life, the sweeper's view of expired holds, tenants apart.
 */
@ParameterizedClass
@EnumSource(TestBackend.class)
class LedgerStoreTest {

  @Parameter TestBackend backend;

  private Database database;
  private DataSource source;
  private LedgerStore store;
  private BatchProcessor processor;
  private final TestClock clock = new TestClock(Instant.parse("2026-12-05T10:00:00.123Z"));
  private final UUID tenant = UUID.randomUUID();
  private final UUID other = UUID.randomUUID();
  private final UUID customer = UUID.randomUUID();
  private final UUID merchant = UUID.randomUUID();
  private final UUID stranger = UUID.randomUUID();

  @BeforeEach
  void ledger() {
    TestDatabase.Database db = backend.newDatabase();
    if (backend == TestBackend.POSTGRESQL) {
      Flyway.configure()
          .dataSource(db.url(), db.user(), db.password())
          .schemas("ledger")
          .defaultSchema("ledger")
          .createSchemas(true)
          .locations("classpath:db/migration")
          // as the service migrates: CREATE INDEX CONCURRENTLY waits for a lock's transaction
          .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
          .load()
          .migrate();
      source =
          TestBackend.dataSource(
              new TestDatabase.Database(
                  db.url() + (db.url().contains("?") ? "&" : "?") + "currentSchema=ledger",
                  db.user(),
                  db.password(),
                  db.port(),
                  db.name()));
      database = new Database(source, Dialect.POSTGRESQL);
      store = new JdbcLedgerStore(database, JsonMapper.builder().build());
    } else {
      source = TestBackend.dataSource(db);
      assertThat(SpannerSchema.migrate(source, "classpath:db/spanner")).isPositive();
      assertThat(SpannerSchema.migrate(source, "classpath:db/spanner")).isZero();
      database = new Database(source, Dialect.SPANNER);
      store = new SpannerLedgerStore(database, JsonMapper.builder().build());
    }
    processor = new BatchProcessor(store, clock, UUID::randomUUID);
    account(tenant, customer, 10_000, 0L);
    account(tenant, merchant, 0, null);
    account(other, stranger, 5_000, 0L);
  }

  @Test
  void aBatchMovesMoneyOnceRecordsEveryOutcomeAndConservesTheTotal() {
    TransferRequest pay = request(tenant, customer, merchant, 2_500, TransferKind.PAYMENT, 0, null);
    TransferRequest tooMuch =
        request(tenant, customer, merchant, 1_000_000, TransferKind.PAYMENT, 0, null);
    TransferRequest elsewhere =
        request(other, stranger, UUID.randomUUID(), 100, TransferKind.PAYMENT, 0, null);
    List<List<TransferOutcome>> outcomes =
        processor.process(
            List.of(
                new Command.SubmitTransfers(List.of(pay), false),
                new Command.SubmitTransfers(List.of(tooMuch), false),
                new Command.SubmitTransfers(List.of(elsewhere), false)));

    assertThat(outcomes.get(0).getFirst()).isInstanceOf(TransferOutcome.Created.class);
    assertThat(outcomes.get(1).getFirst())
        .isEqualTo(
            new TransferOutcome.Rejected(
                Rejection.INSUFFICIENT_FUNDS,
                ((TransferOutcome.Rejected) outcomes.get(1).getFirst()).detail()));
    assertThat(((TransferOutcome.Rejected) outcomes.get(2).getFirst()).reason())
        .isEqualTo(Rejection.ACCOUNT_NOT_FOUND);

    // the same id again: the same transfer, replayed, and no money moves twice
    List<TransferOutcome> again =
        processor.process(List.of(new Command.SubmitTransfers(List.of(pay), false))).getFirst();
    assertThat(again.getFirst()).isInstanceOf(TransferOutcome.Replayed.class);

    Map<AccountKey, Account> accounts = accounts();
    assertThat(posted(accounts.get(new AccountKey(tenant, customer)))).isEqualTo(7_500);
    assertThat(posted(accounts.get(new AccountKey(tenant, merchant)))).isEqualTo(2_500);
    assertThat(posted(accounts.get(new AccountKey(other, stranger)))).isEqualTo(5_000);
    assertThat(accounts.values().stream().mapToLong(LedgerStoreTest::posted).sum())
        .isEqualTo(15_000);
    assertThat(accounts.get(new AccountKey(tenant, customer)).entryCount()).isEqualTo(1);

    Map<TransferKey, Recorded> recorded =
        store.inTransaction(s -> s.findTransfers(Set.of(pay.key(), tooMuch.key())));
    assertThat(((Transfer) recorded.get(pay.key())).status()).isEqualTo(TransferStatus.POSTED);
    assertThat(((RejectedTransfer) recorded.get(tooMuch.key())).reason())
        .isEqualTo(Rejection.INSUFFICIENT_FUNDS);
    assertThat(events()).isEqualTo(1);
  }

  @Test
  void aHoldIsPendingUntilCapturedAndTheSweeperSeesOnlyWhatHasExpired() {
    TransferRequest hold =
        request(tenant, customer, merchant, 3_000, TransferKind.PAYMENT, 60, null);
    TransferRequest expiring =
        request(tenant, customer, merchant, 1_000, TransferKind.PAYMENT, 30, null);
    processor.process(List.of(new Command.SubmitTransfers(List.of(hold, expiring), false)));
    assertThat(store.expiredHolds(clock.instant(), 10)).isEmpty();

    Account pending = accounts().get(new AccountKey(tenant, customer));
    assertThat(pending.debitsPending()).isEqualTo(4_000);
    assertThat(posted(pending)).isEqualTo(10_000);

    TransferOutcome captured =
        processor
            .process(List.of(new Command.CaptureHold(hold.key(), 2_000L)))
            .getFirst()
            .getFirst();
    assertThat(((TransferOutcome.Changed) captured).transfer().capturedAmount()).isEqualTo(2_000);

    clock.advance(Duration.ofSeconds(31));
    assertThat(store.expiredHolds(clock.instant(), 10)).containsExactly(expiring.key());
    processor.process(List.of(new Command.ExpireHold(expiring.key())));
    assertThat(store.expiredHolds(clock.instant().plus(Duration.ofDays(1)), 10)).isEmpty();

    Account after = accounts().get(new AccountKey(tenant, customer));
    assertThat(after.debitsPending()).isZero();
    assertThat(posted(after)).isEqualTo(8_000);
    assertThat(posted(accounts().get(new AccountKey(tenant, merchant)))).isEqualTo(2_000);
  }

  @Test
  void aRefundReturnsAtMostWhatWasPaid() {
    TransferRequest pay = request(tenant, customer, merchant, 1_000, TransferKind.PAYMENT, 0, null);
    processor.process(List.of(new Command.SubmitTransfers(List.of(pay), false)));
    TransferRequest refund =
        request(tenant, merchant, customer, 600, TransferKind.REFUND, 0, pay.id());
    TransferRequest overRefund =
        request(tenant, merchant, customer, 600, TransferKind.REFUND, 0, pay.id());
    List<List<TransferOutcome>> outcomes =
        processor.process(
            List.of(
                new Command.SubmitTransfers(List.of(refund), false),
                new Command.SubmitTransfers(List.of(overRefund), false)));
    assertThat(outcomes.get(0).getFirst()).isInstanceOf(TransferOutcome.Created.class);
    assertThat(((TransferOutcome.Rejected) outcomes.get(1).getFirst()).reason())
        .isEqualTo(Rejection.REFUND_EXCEEDS_ORIGINAL);
    assertThat(posted(accounts().get(new AccountKey(tenant, customer)))).isEqualTo(9_600);
  }

  /**
   * A commit the database aborts (injected: the emulator serialises its transactions, so none loses
   * a race there) is retried as a whole by the engine: the transfer is answered once, as created,
   * and its money moves once.
   */
  @Test
  void anAbortedCommitIsRetriedAsAWholeAndAnsweredOnce() throws Exception {
    AtomicInteger aborts = new AtomicInteger(1);
    LedgerStore aborting =
        backend == TestBackend.SPANNER
            ? new SpannerLedgerStore(
                new Database(backend.abortingCommits(source, aborts), Dialect.SPANNER),
                JsonMapper.builder().build())
            : new JdbcLedgerStore(
                new Database(backend.abortingCommits(source, aborts), Dialect.POSTGRESQL),
                JsonMapper.builder().build());
    TransferRequest pay = request(tenant, customer, merchant, 1_234, TransferKind.PAYMENT, 0, null);
    try (WriteEngine engine =
        new WriteEngine(
            new BatchProcessor(aborting, clock, UUID::randomUUID),
            new EngineLimits(1, 1000, 100, 3, Duration.ofSeconds(5)))) {
      TransferOutcome outcome =
          engine
              .submit(new Command.SubmitTransfers(List.of(pay), false))
              .get(30, TimeUnit.SECONDS)
              .getFirst();
      assertThat(outcome).isInstanceOf(TransferOutcome.Created.class);
      assertThat(engine.conflictCount()).isEqualTo(1);
    }
    assertThat(aborts.get()).isNegative();
    assertThat(posted(accounts().get(new AccountKey(tenant, customer)))).isEqualTo(10_000 - 1_234);
    assertThat(events()).isEqualTo(1);
  }

  private Map<AccountKey, Account> accounts() {
    return store.inTransaction(
        s ->
            s.lockAccounts(
                new TreeSet<>(
                    List.of(
                        new AccountKey(tenant, customer),
                        new AccountKey(tenant, merchant),
                        new AccountKey(other, stranger)))));
  }

  private static long posted(Account account) {
    return account.creditsPosted() - account.debitsPosted();
  }

  private long events() {
    return database.read(c -> Database.single(c, "SELECT count(*) FROM outbox"));
  }

  private TransferRequest request(
      UUID tenantId,
      UUID debit,
      UUID credit,
      long amount,
      TransferKind kind,
      long holdSeconds,
      UUID refundOf) {
    return new TransferRequest(
        tenantId,
        UUID.randomUUID(),
        debit,
        credit,
        amount,
        "EUR",
        kind,
        holdSeconds > 0,
        holdSeconds,
        refundOf,
        null,
        "{}");
  }

  /** An account with a posted balance, written as the accounts adapter writes one. */
  private void account(UUID tenantId, UUID id, long posted, Long minBalance) {
    String key = backend == TestBackend.SPANNER ? "account_id" : "id";
    List<Object> args = new ArrayList<>();
    args.add(backend == TestBackend.SPANNER ? tenantId.toString() : tenantId);
    args.add(backend == TestBackend.SPANNER ? id.toString() : id);
    args.add(minBalance);
    args.add(posted);
    args.add(clock.instant());
    args.add(clock.instant());
    database.inTransaction(
        c ->
            Database.update(
                c,
                "INSERT INTO accounts (tenant_id, "
                    + key
                    + ", currency, status, min_balance, debits_posted, credits_posted,"
                    + " debits_pending, credits_pending, metadata, request_hash, created_at,"
                    + " updated_at, version, entry_count) VALUES (?, ?, 'EUR', 'active', ?, 0, ?,"
                    + " 0, 0, '{}'::jsonb, 'hash', ?, ?, 1, 0)",
                args.toArray()));
  }
}
