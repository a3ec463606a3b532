package com.saldo.ledger.transfer.jdbc;

import com.saldo.jdbc.Database;
import com.saldo.jdbc.Keyset;
import com.saldo.ledger.transfer.Transfer;
import com.saldo.ledger.transfer.TransferKey;
import com.saldo.ledger.transfer.Transfers;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads transfers for the API. Lists walk an index newest first from a keyset position, so a page
 * costs the same however deep it is and no row is skipped or repeated while new ones arrive.
 */
public final class JdbcTransfers implements Transfers {

  private static final String FIND =
      "SELECT "
          + TransferRows.COLUMNS
          + " FROM transfers t"
          + " WHERE t.tenant_id = ? AND t.id = ? AND t.status <> 'rejected'";

  private final Database transactions;

  public JdbcTransfers(Database transactions) {
    this.transactions = transactions;
  }

  @Override
  public Optional<Transfer> find(TransferKey key) {
    return transactions.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(FIND)) {
            ps.setObject(1, transactions.dialect().bindable(key.tenantId()));
            ps.setObject(2, transactions.dialect().bindable(key.id()));
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(TransferRows.transfer(rs)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public List<Transfer> list(UUID tenantId, Filter filter, Position after, int limit) {
    List<Object> args = new ArrayList<>();
    if (filter.accountId() != null) {
      // One index per side, each walked newest first; the database merges the two runs into the
      // page, in one round trip.
      String debits = side(tenantId, "debit_account_id", filter, after, limit, args);
      String credits = side(tenantId, "credit_account_id", filter, after, limit, args);
      args.add(limit);
      return transactions.query(
          "SELECT * FROM (("
              + debits
              + ") UNION ALL ("
              + credits
              + ")) AS t"
              + " ORDER BY t.created_at DESC, t.id DESC LIMIT ?",
          args,
          TransferRows::transfer);
    }
    String keyColumn =
        filter.refundOf() != null ? "refund_of" : filter.reference() != null ? "reference" : null;
    String sql = side(tenantId, keyColumn, filter, after, limit, args);
    return transactions.query(sql, args, TransferRows::transfer);
  }

  /**
   * The newest-first page of one index, as SQL whose arguments are appended to {@code args}: the
   * tenant's transfers, or those with the key column equal to the filter's account or reference.
   */
  static String side(
      UUID tenantId,
      String keyColumn,
      Filter filter,
      Position after,
      int limit,
      List<Object> args) {
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(TransferRows.COLUMNS)
            .append(" FROM transfers t WHERE t.tenant_id = ?");
    args.add(tenantId);
    if ("refund_of".equals(keyColumn)) {
      sql.append(" AND t.refund_of = ?");
      args.add(filter.refundOf());
    } else if ("reference".equals(keyColumn)) {
      sql.append(" AND t.reference = ?");
      args.add(filter.reference());
    } else if (keyColumn != null) {
      sql.append(" AND t.").append(keyColumn).append(" = ?");
      args.add(filter.accountId());
    }
    if (filter.reference() != null && !"reference".equals(keyColumn)) {
      sql.append(" AND t.reference = ?");
      args.add(filter.reference());
    }
    if (filter.refundOf() != null && !"refund_of".equals(keyColumn)) {
      sql.append(" AND t.refund_of = ?");
      args.add(filter.refundOf());
    }
    if (filter.pendingOnly()) {
      // a literal, not a parameter: the planner matches it to the partial indexes (V4) only when
      // it can see the value
      sql.append(" AND t.status = 'pending'");
    }
    if (filter.from() != null) {
      sql.append(" AND t.created_at >= ?");
      args.add(time(filter.from()));
    }
    if (filter.to() != null) {
      sql.append(" AND t.created_at < ?");
      args.add(time(filter.to()));
    }
    if (after != null) {
      sql.append(" AND ").append(Keyset.condition("t.created_at", "t.id", true));
      args.addAll(Keyset.args(time(after.createdAt()), after.id()));
    }
    sql.append(" AND t.status <> 'rejected' ORDER BY t.created_at DESC, t.id DESC LIMIT ?");
    args.add(limit);
    return sql.toString();
  }

  private static OffsetDateTime time(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
