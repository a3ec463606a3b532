package com.saldo.ledger.transfer.engine;

import java.time.Duration;

/**
 * The engine's limits: {@code writerCount} concurrent transactions, {@code batchSizeMax} transfers
 * per transaction, {@code queueLengthMax} commands waiting, {@code attemptsMax} tries of a
 * transaction that lost a race.
 */
public record EngineLimits(
    int writerCount, int batchSizeMax, int queueLengthMax, int attemptsMax, Duration drainTimeout) {

  public EngineLimits {
    if (writerCount < 1 || writerCount > 64) {
      throw new IllegalArgumentException("writerCount must be within 1..64");
    }
    if (batchSizeMax < 1000 || batchSizeMax > 100_000) {
      throw new IllegalArgumentException("batchSizeMax must be within 1000..100000");
    }
    if (queueLengthMax < 1 || queueLengthMax > 1_000_000) {
      throw new IllegalArgumentException("queueLengthMax must be within 1..1000000");
    }
    if (attemptsMax < 1 || attemptsMax > 20) {
      throw new IllegalArgumentException("attemptsMax must be within 1..20");
    }
  }
}
