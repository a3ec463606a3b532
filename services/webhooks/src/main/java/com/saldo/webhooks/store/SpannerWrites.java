package com.saldo.webhooks.store;

import com.google.cloud.Timestamp;
import com.google.cloud.spanner.Mutation;
import com.google.cloud.spanner.jdbc.CloudSpannerJdbcConnection;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Writes on Spanner as mutations: buffered by the driver and sent with the commit, so that a
 * transaction makes no round trip for them and stays short (the emulator, which runs one read-write
 * transaction at a time, gives way to a newer one and aborts a long one).
 */
final class SpannerWrites {

  private SpannerWrites() {}

  /** Buffers the mutations in the connection's transaction. */
  static void buffer(Connection c, List<Mutation> mutations) throws SQLException {
    if (!mutations.isEmpty()) {
      c.unwrap(CloudSpannerJdbcConnection.class).bufferedWrite(mutations);
    }
  }

  static Timestamp timestamp(Instant instant) {
    return instant == null
        ? null
        : Timestamp.ofTimeSecondsAndNanos(instant.getEpochSecond(), instant.getNano());
  }
}
