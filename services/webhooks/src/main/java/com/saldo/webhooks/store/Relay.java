package com.saldo.webhooks.store;

import com.saldo.jdbc.Database;
import com.saldo.jdbc.Dialect;
import java.time.Instant;

/**
 * Moves committed rows of the ledger's outbox into the event feed, numbering them in the order the
 * ledger committed them, and fans each out to the deliveries of the endpoints that subscribe to its
 * type: every row once, none skipped, even while the ledger's commits finish out of order and
 * several replicas relay at once (docs/decisions/0005-event-feed-order.md). What "the order the
 * ledger committed them" is differs by database: the transaction id on PostgreSQL, the commit
 * timestamp on Spanner.
 */
public interface Relay {

  /** What one relay step did. */
  record Step(int events, int deliveries, long lastSeq) {}

  /** One step: up to a batch of events; none when there are none or another relay moved first. */
  Step step();

  /** When the oldest outbox row not yet in the feed was written; null when there is none. */
  Instant oldestUnrelayed();

  /**
   * The relay for the feed's database; {@code outbox} is the database that holds the ledger's
   * outbox view (on PostgreSQL the same one, where the view is in the ledger's schema).
   */
  static Relay of(Database feed, Database outbox, int batch, java.time.Clock clock) {
    return feed.dialect() == Dialect.SPANNER
        ? new SpannerRelay(feed, outbox, batch, clock)
        : new PostgresRelay(feed, batch);
  }
}
