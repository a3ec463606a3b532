package com.saldo.ledger.transfer.engine;

import com.saldo.ledger.transfer.Command;
import com.saldo.ledger.transfer.LedgerStore;
import com.saldo.ledger.transfer.TransferKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires holds whose time is up: every interval it finds up to {@code sizeMax} of them and hands
 * each to the write engine, which expires a hold only if it is still pending and due. Several
 * replicas may sweep at once; the engine makes that harmless.
 */
public final class HoldExpiry implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HoldExpiry.class);

  private final LedgerStore store;
  private final WriteEngine engine;
  private final Clock clock;
  private final int sizeMax;
  private final ScheduledExecutorService timer;
  private final Duration interval;

  public HoldExpiry(
      LedgerStore store, WriteEngine engine, Clock clock, Duration interval, int sizeMax) {
    this.store = store;
    this.engine = engine;
    this.clock = clock;
    this.sizeMax = sizeMax;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ledger-hold-expiry").daemon(true).factory());
    this.interval = interval;
  }

  /** Sweeps every interval from now on; called once the database is migrated and ready. */
  public void start() {
    long millis = interval.toMillis();
    timer.scheduleWithFixedDelay(this::sweepQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Expires the holds due now; returns how many it handed to the engine. */
  public int sweep() {
    List<TransferKey> due = store.expiredHolds(clock.instant(), sizeMax);
    CompletableFuture<?>[] futures =
        due.stream()
            .map(key -> engine.submit(new Command.ExpireHold(key)))
            .toArray(CompletableFuture[]::new);
    CompletableFuture.allOf(futures).exceptionally(e -> null).join();
    return due.size();
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      log.warn("Hold expiry sweep failed; the next sweep tries again: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
