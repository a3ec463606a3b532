package com.saldo.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every limit of the ledger, in one place: {@code saldo.ledger.*}. Each is checked at start-up, so
 * a misconfigured service does not start.
 */
@ConfigurationProperties("saldo.ledger")
public record LedgerLimits(
    @DefaultValue("1") int writerCount,
    @DefaultValue("4000") int batchSizeMax,
    @DefaultValue("10000") int queueLengthMax,
    @DefaultValue("5") int attemptsMax,
    @DefaultValue("10s") Duration drainTimeout,
    @DefaultValue("10s") Duration requestTimeout,
    @DefaultValue("1000") int pageSizeMax,
    @DefaultValue("100") int pageSizeDefault,
    @DefaultValue("1000") int transferBatchMax,
    @DefaultValue("4096") int metadataBytesMax,
    @DefaultValue("32") int metadataKeysMax,
    @DefaultValue("256") int stringLengthMax,
    @DefaultValue("2592000") long holdTimeoutMax,
    @DefaultValue("604800") long holdTimeoutDefault,
    @DefaultValue("1s") Duration expirySweepInterval,
    @DefaultValue("1000") int expirySweepSizeMax) {

  public LedgerLimits {
    require(pageSizeDefault >= 1 && pageSizeDefault <= pageSizeMax, "page-size-default");
    require(pageSizeMax >= 1 && pageSizeMax <= 10_000, "page-size-max");
    require(transferBatchMax >= 1 && transferBatchMax <= batchSizeMax, "transfer-batch-max");
    require(metadataBytesMax >= 2 && metadataBytesMax <= 65_536, "metadata-bytes-max");
    require(metadataKeysMax >= 0 && metadataKeysMax <= 1000, "metadata-keys-max");
    require(stringLengthMax >= 1 && stringLengthMax <= 256, "string-length-max");
    require(holdTimeoutMax >= 1 && holdTimeoutMax <= 2_592_000, "hold-timeout-max");
    require(
        holdTimeoutDefault >= 1 && holdTimeoutDefault <= holdTimeoutMax, "hold-timeout-default");
    require(!requestTimeout.isNegative() && !requestTimeout.isZero(), "request-timeout");
    require(expirySweepSizeMax >= 1 && expirySweepSizeMax <= 100_000, "expiry-sweep-size-max");
  }

  private static void require(boolean valid, String name) {
    if (!valid) {
      throw new IllegalArgumentException("saldo.ledger." + name + " is out of range");
    }
  }
}
