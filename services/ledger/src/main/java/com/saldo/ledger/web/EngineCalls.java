package com.saldo.ledger.web;

import com.saldo.ledger.transfer.Command;
import com.saldo.ledger.transfer.TransferOutcome;
import com.saldo.ledger.transfer.engine.EngineUnavailableException;
import com.saldo.ledger.transfer.engine.WriteEngine;
import com.saldo.problem.Problems;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Hands a command to the write engine and waits for its commit. A full queue, an unreachable
 * database or a wait past the request timeout is a 503 that the client may retry with the same id:
 * the engine either applied the command once or not at all.
 */
public final class EngineCalls {

  private final WriteEngine engine;
  private final Duration timeout;

  public EngineCalls(WriteEngine engine, Duration timeout) {
    this.engine = engine;
    this.timeout = timeout;
  }

  public List<TransferOutcome> apply(Command command) {
    try {
      return engine.submit(command).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Problems.unavailable();
    } catch (TimeoutException e) {
      throw Problems.unavailable();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof EngineUnavailableException unavailable) {
        throw unavailable.overloaded() ? Problems.overloaded() : Problems.unavailable();
      }
      throw new IllegalStateException("the engine failed a command", e.getCause());
    }
  }
}
