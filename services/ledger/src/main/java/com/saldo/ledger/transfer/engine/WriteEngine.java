package com.saldo.ledger.transfer.engine;

import com.saldo.ledger.transfer.BatchProcessor;
import com.saldo.ledger.transfer.Command;
import com.saldo.ledger.transfer.TransferOutcome;
import com.saldo.store.StoreConflictException;
import com.saldo.store.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues commands and applies them in batches, one transaction per batch. A future completes only
 * after the transaction of its command committed, or with an exception when nothing of it was
 * committed (or, after a lost connection during commit, when it is unknown: the client's retry with
 * the same id settles that).
 */
public final class WriteEngine implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WriteEngine.class);

  private record Queued(Command command, CompletableFuture<List<TransferOutcome>> future) {}

  private final BatchProcessor processor;
  private final EngineLimits limits;
  private final BlockingQueue<Queued> queue;
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean accepting = true;
  private volatile boolean running = true;
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong commands = new AtomicLong();
  private final AtomicLong conflicts = new AtomicLong();
  private final AtomicLong bisections = new AtomicLong();

  public WriteEngine(BatchProcessor processor, EngineLimits limits) {
    this.processor = processor;
    this.limits = limits;
    this.queue = new ArrayBlockingQueue<>(limits.queueLengthMax());
    for (int i = 0; i < limits.writerCount(); i++) {
      Thread writer =
          Thread.ofPlatform().name("ledger-writer-" + i).daemon(false).unstarted(this::drain);
      writers.add(writer);
      writer.start();
    }
  }

  /** Queues a command; the future fails at once with an overload when the queue is full. */
  public CompletableFuture<List<TransferOutcome>> submit(Command command) {
    CompletableFuture<List<TransferOutcome>> future = new CompletableFuture<>();
    if (!accepting) {
      future.completeExceptionally(
          new EngineUnavailableException("the engine is shutting down", true, null));
    } else if (!queue.offer(new Queued(command, future))) {
      future.completeExceptionally(
          new EngineUnavailableException("the write queue is full", true, null));
    }
    return future;
  }

  public int queueLength() {
    return queue.size();
  }

  public long batchCount() {
    return batches.get();
  }

  public long commandCount() {
    return commands.get();
  }

  public long conflictCount() {
    return conflicts.get();
  }

  /** How often a failed batch was halved to find the command that failed it. */
  public long bisectionCount() {
    return bisections.get();
  }

  private void drain() {
    Queued carried = null;
    while (running || carried != null || !queue.isEmpty()) {
      List<Queued> batch = new ArrayList<>();
      int size = 0;
      try {
        Queued first = carried != null ? carried : queue.poll(50, TimeUnit.MILLISECONDS);
        carried = null;
        if (first == null) {
          continue;
        }
        batch.add(first);
        size = first.command().size();
        Queued next;
        while (size < limits.batchSizeMax() && (next = queue.poll()) != null) {
          if (size + next.command().size() > limits.batchSizeMax()) {
            carried = next;
            break;
          }
          batch.add(next);
          size += next.command().size();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failAll(batch, new EngineUnavailableException("interrupted", false, e));
        return;
      }
      apply(batch);
    }
  }

  private void apply(List<Queued> batch) {
    List<Command> commandsOfBatch = batch.stream().map(Queued::command).toList();
    RuntimeException failure = null;
    for (int attempt = 1; attempt <= limits.attemptsMax(); attempt++) {
      try {
        List<List<TransferOutcome>> outcomes = processor.process(commandsOfBatch);
        batches.incrementAndGet();
        commands.addAndGet(batch.size());
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).future().complete(outcomes.get(i));
        }
        return;
      } catch (StoreConflictException e) {
        conflicts.incrementAndGet();
        failure = e;
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(100_000, 2_000_000L * attempt));
      } catch (StoreUnavailableException e) {
        log.warn(
            "Database unavailable; {} commands answered 503: {}", batch.size(), e.getMessage());
        failAll(batch, new EngineUnavailableException("database unavailable", false, e));
        return;
      } catch (RuntimeException e) {
        failure = e;
        break;
      }
    }
    if (batch.size() > 1) {
      // One command may be what fails the batch: halve the batch until it stands alone. A command
      // the database refuses then costs the others about 2 log2(n) transactions, not one each.
      bisections.incrementAndGet();
      int half = batch.size() / 2;
      apply(batch.subList(0, half));
      apply(batch.subList(half, batch.size()));
    } else if (failure instanceof StoreConflictException) {
      failAll(batch, new EngineUnavailableException("too many conflicts", false, failure));
    } else {
      log.error("A command failed in its own transaction: {}", batch.getFirst().command(), failure);
      batch.getFirst().future().completeExceptionally(failure);
    }
  }

  private static void failAll(List<Queued> batch, RuntimeException e) {
    for (Queued queued : batch) {
      queued.future().completeExceptionally(e);
    }
  }

  /**
   * Stops taking commands, applies everything already queued, and stops the writers; commands still
   * queued after the drain timeout fail as unavailable (nothing of them was committed).
   */
  @Override
  public void close() {
    accepting = false;
    running = false;
    long deadline = System.nanoTime() + limits.drainTimeout().toNanos();
    for (Thread writer : writers) {
      long left = deadline - System.nanoTime();
      try {
        if (left > 0) {
          writer.join(java.time.Duration.ofNanos(left));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    List<Queued> left = new ArrayList<>();
    queue.drainTo(left);
    failAll(left, new EngineUnavailableException("the engine stopped", false, null));
    for (Thread writer : writers) {
      writer.interrupt();
    }
  }
}
