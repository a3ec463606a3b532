package com.saldo.backoffice.key;

import com.saldo.backoffice.BackofficeLimits;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure an operator can get in: the key from {@code SALDO_BOOTSTRAP_OPERATOR_KEY} is the
 * bootstrap operator key (its hash is stored under a fixed id); without it, the first start makes
 * one and prints it once on standard output, never in a log line.
 */
@Component
public class OperatorBootstrap implements ApplicationRunner {

  static final UUID BOOTSTRAP_ID =
      UUID.nameUUIDFromBytes(
          "saldo-bootstrap-operator-key".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);

  private final ApiKeys keys;
  private final BackofficeLimits limits;
  private final Clock clock;
  private final String configured;

  public OperatorBootstrap(
      ApiKeys keys,
      BackofficeLimits limits,
      Clock clock,
      @Value("${saldo.bootstrap-operator-key:${SALDO_BOOTSTRAP_OPERATOR_KEY:}}")
          String configured) {
    this.keys = keys;
    this.limits = limits;
    this.clock = clock;
    this.configured = configured;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!configured.isBlank()) {
      if (!configured.startsWith("sk_") || configured.length() < 32) {
        throw new IllegalStateException(
            "SALDO_BOOTSTRAP_OPERATOR_KEY must start with sk_ and be at least 32 characters");
      }
      keys.upsertOperatorKey(
          BOOTSTRAP_ID,
          "bootstrap",
          KeySecrets.hash(configured),
          limits.ratePerSecondDefault(),
          limits.burstDefault(),
          clock.instant());
      log.info(
          "The operator key from SALDO_BOOTSTRAP_OPERATOR_KEY is in force (key id {})",
          BOOTSTRAP_ID);
      return;
    }
    if (keys.anyActiveOperatorKey()) {
      return;
    }
    String key = KeySecrets.newKey(BOOTSTRAP_ID);
    keys.upsertOperatorKey(
        BOOTSTRAP_ID,
        "bootstrap",
        KeySecrets.hash(key),
        limits.ratePerSecondDefault(),
        limits.burstDefault(),
        clock.instant());
    System.out.println("The first operator key of Saldo (shown only now; keep it safe): " + key);
  }
}
