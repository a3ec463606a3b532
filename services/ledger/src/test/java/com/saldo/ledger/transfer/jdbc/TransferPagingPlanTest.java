package com.saldo.ledger.transfer.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.ledger.LedgerServer;
import com.saldo.ledger.transfer.Transfers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proves that a page of a tenant's transfers deep in the list reads about a page of rows, not every
 * newer row again: the keyset position must bound the index scan. Before, PostgreSQL could use the
 * position only as a filter, and listing 400,000 transfers a page at a time read rows quadratically
 * (78 microseconds of database time per row returned).
 */
class TransferPagingPlanTest extends LedgerServer {

  private static final int ROWS = 20_000;
  private static final int LIMIT = 100;

  @Autowired DataSource dataSource;

  @Test
  void aDeepPageReadsAboutAPageOfRows() throws SQLException {
    UUID tenant = UUID.randomUUID();
    Instant newest = Instant.parse("2026-01-01T00:00:00Z");
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO transfers (tenant_id, id, debit_account_id, credit_account_id, amount,"
                  + " currency, kind, status, hold_timeout_seconds, refunded_amount, metadata,"
                  + " request_hash, created_at, updated_at)"
                  + " SELECT ?, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 1, 'EUR',"
                  + " 'payment', 'posted', 0, 0, '{}', 'h', ? - n * interval '1 millisecond',"
                  + " ? - n * interval '1 millisecond' FROM generate_series(1, ?) AS n")) {
        OffsetDateTime at = OffsetDateTime.ofInstant(newest, ZoneOffset.UTC);
        insert.setObject(1, tenant);
        insert.setObject(2, at);
        insert.setObject(3, at);
        insert.setInt(4, ROWS);
        assertThat(insert.executeUpdate()).isEqualTo(ROWS);
      }
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE transfers");
      }
      // the position of a row half way down the list
      Instant middle = newest.minusMillis(ROWS / 2);
      UUID middleId;
      try (PreparedStatement find =
          c.prepareStatement("SELECT id FROM transfers WHERE tenant_id = ? AND created_at = ?")) {
        find.setObject(1, tenant);
        find.setObject(2, OffsetDateTime.ofInstant(middle, ZoneOffset.UTC));
        try (ResultSet rs = find.executeQuery()) {
          assertThat(rs.next()).isTrue();
          middleId = rs.getObject(1, UUID.class);
        }
      }
      List<Object> args = new ArrayList<>();
      String page =
          JdbcTransfers.side(
              tenant,
              null,
              new Transfers.Filter(null, null, null, null),
              new Transfers.Position(middle, middleId),
              LIMIT,
              args);
      try (PreparedStatement explain =
          c.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) " + page)) {
        for (int i = 0; i < args.size(); i++) {
          explain.setObject(i + 1, args.get(i));
        }
        try (ResultSet rs = explain.executeQuery()) {
          rs.next();
          JsonNode plan = JsonMapper.builder().build().readTree(rs.getString(1)).get(0).get("Plan");
          assertThat(plan.get("Actual Rows").asLong()).isEqualTo(LIMIT);
          assertThat(rowsRead(plan))
              .as("rows the scan read for a page of %d: %s", LIMIT, plan)
              .isLessThanOrEqualTo(2L * LIMIT);
        }
      }
    }
  }

  /** Every row a scan in the plan produced or threw away. */
  private static long rowsRead(JsonNode node) {
    long read = 0;
    if (node.get("Node Type").asString().contains("Scan")) {
      read += node.get("Actual Rows").asLong() * node.path("Actual Loops").asLong(1);
      read += node.path("Rows Removed by Filter").asLong(0);
    }
    for (JsonNode child : node.path("Plans")) {
      read += rowsRead(child);
    }
    return read;
  }
}
