package com.saldo.ledger;

import com.saldo.jdbc.Database;
import com.saldo.jdbc.Dialect;
import com.saldo.ledger.account.Accounts;
import com.saldo.ledger.account.ChangeAccount;
import com.saldo.ledger.account.OpenAccount;
import com.saldo.ledger.account.jdbc.JdbcAccounts;
import com.saldo.ledger.transfer.BatchProcessor;
import com.saldo.ledger.transfer.LedgerStore;
import com.saldo.ledger.transfer.Transfers;
import com.saldo.ledger.transfer.engine.EngineLimits;
import com.saldo.ledger.transfer.engine.HoldExpiry;
import com.saldo.ledger.transfer.engine.WriteEngine;
import com.saldo.ledger.transfer.jdbc.JdbcLedgerStore;
import com.saldo.ledger.transfer.jdbc.JdbcTransfers;
import com.saldo.ledger.transfer.jdbc.SpannerLedgerStore;
import com.saldo.ledger.verify.Verifier;
import com.saldo.ledger.web.EngineCalls;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires the ledger: plain Java use cases and engine, with their JDBC adapters. */
@Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

  /** UTC, in whole milliseconds: the precision of every time the API shows and pages by. */
  @Bean
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
  }

  @Bean
  Supplier<UUID> ids() {
    return UUID::randomUUID;
  }

  @Bean
  JsonMapper eventJson() {
    return JsonMapper.builder().build();
  }

  /**
   * Most transfers a Spanner transaction of the engine applies, the least the engine takes (one
   * request may carry 1,000): a posted transfer between two accounts no other transfer of the batch
   * touches writes about 65 mutations (its row and index entries, two entries, two account updates,
   * its event), so 1,000 stay under Spanner's 80,000 per commit (docs/spanner.md).
   */
  static final int SPANNER_BATCH_MAX = 1000;

  @Bean
  Accounts accounts(Database transactions, JsonMapper eventJson, Supplier<UUID> ids) {
    return new JdbcAccounts(transactions, eventJson, ids);
  }

  @Bean
  OpenAccount openAccount(Accounts accounts, Clock clock) {
    return new OpenAccount(accounts, clock);
  }

  @Bean
  ChangeAccount changeAccount(Accounts accounts, Clock clock) {
    return new ChangeAccount(accounts, clock);
  }

  @Bean
  LedgerStore ledgerStore(Database transactions, JsonMapper eventJson) {
    return transactions.dialect() == Dialect.SPANNER
        ? new SpannerLedgerStore(transactions, eventJson)
        : new JdbcLedgerStore(transactions, eventJson);
  }

  @Bean
  Transfers transfers(Database transactions) {
    return new JdbcTransfers(transactions);
  }

  @Bean(destroyMethod = "close")
  WriteEngine writeEngine(
      LedgerStore store,
      Clock clock,
      Supplier<UUID> ids,
      LedgerLimits limits,
      MeterRegistry meters) {
    WriteEngine engine =
        new WriteEngine(
            new BatchProcessor(store, clock, ids),
            new EngineLimits(
                limits.writerCount(),
                store instanceof SpannerLedgerStore
                    ? Math.min(limits.batchSizeMax(), SPANNER_BATCH_MAX)
                    : limits.batchSizeMax(),
                limits.queueLengthMax(),
                limits.attemptsMax(),
                limits.drainTimeout()));
    Gauge.builder("ledger.engine.queue.length", engine, WriteEngine::queueLength)
        .description("Commands waiting for a writer")
        .register(meters);
    FunctionCounter.builder("ledger.engine.batches", engine, WriteEngine::batchCount)
        .description("Transactions committed by the write engine")
        .register(meters);
    FunctionCounter.builder("ledger.engine.commands", engine, WriteEngine::commandCount)
        .description("Commands applied by the write engine")
        .register(meters);
    FunctionCounter.builder("ledger.engine.conflicts", engine, WriteEngine::conflictCount)
        .description("Transactions retried after losing a race")
        .register(meters);
    FunctionCounter.builder("ledger.engine.bisections", engine, WriteEngine::bisectionCount)
        .description("Failed batches halved to find the command that failed them")
        .register(meters);
    return engine;
  }

  @Bean(destroyMethod = "close")
  HoldExpiry holdExpiry(LedgerStore store, WriteEngine engine, Clock clock, LedgerLimits limits) {
    return new HoldExpiry(
        store, engine, clock, limits.expirySweepInterval(), limits.expirySweepSizeMax());
  }

  /** The sweeper starts when the application is ready: after the migrations, never before. */
  @Bean
  ApplicationRunner startHoldExpiry(HoldExpiry holdExpiry) {
    return args -> holdExpiry.start();
  }

  @Bean
  Verifier verifier(Database transactions) {
    return new Verifier(transactions, 1000);
  }

  @Bean
  EngineCalls engineCalls(WriteEngine engine, LedgerLimits limits) {
    return new EngineCalls(engine, limits.requestTimeout());
  }
}
