package com.saldo.system;

import java.time.Duration;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * {@link WebhooksSystemTest} with the two ledger replicas, the two webhooks replicas and the
 * backoffice on the Spanner emulator: every event delivered signed and in order per account,
 * retries, 410, rotation and replay, a slow neighbour, a killed replica, tenants apart, and the
 * ledger verifying clean, with the relay following the outbox by commit timestamp.
 */
@OnSpanner
class WebhooksOnSpannerSystemTest extends WebhooksSystemTest {

  /**
   * The emulator runs one read-write transaction at a time: the fast endpoint's 20 events took 0.75
   * to 1.6 s each from the payment to the receiver there, against tens of milliseconds on
   * PostgreSQL. An endpoint stuck behind the slow one would wait its 10 s.
   */
  @Override
  Duration fastDelivery() {
    return Duration.ofSeconds(4);
  }

  @Test
  @Disabled(
      "writes the outbox as the ledger does on PostgreSQL, with commits held open at random while"
          + " others commit; the emulator runs one read-write transaction at a time, so no commit"
          + " can be held open beside another there (the relay's order on Spanner rests on its"
          + " strong reads: docs/decisions/0005-event-feed-order.md)")
  @Override
  void theFeedHasNoGapAndNoDuplicateWhileCommitsAreDelayedAtRandom() {}
}
