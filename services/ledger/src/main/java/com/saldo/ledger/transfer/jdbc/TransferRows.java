package com.saldo.ledger.transfer.jdbc;

import com.saldo.jdbc.Database;
import com.saldo.ledger.transfer.Recorded;
import com.saldo.ledger.transfer.RejectedTransfer;
import com.saldo.ledger.transfer.Rejection;
import com.saldo.ledger.transfer.Transfer;
import com.saldo.ledger.transfer.TransferKind;
import com.saldo.ledger.transfer.TransferRequest;
import com.saldo.ledger.transfer.TransferStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads rows of the {@code transfers} table. */
final class TransferRows {

  static final String COLUMNS =
      "t.tenant_id, t.id, t.debit_account_id, t.credit_account_id, t.amount, t.currency, t.kind,"
          + " t.status, t.rejection, t.rejection_detail, t.hold_timeout_seconds,"
          + " t.captured_amount, t.refund_of, t.refunded_amount, t.hold_expires_at, t.reference,"
          + " t.metadata::text AS metadata, t.request_hash, t.created_at, t.updated_at";

  private TransferRows() {}

  static Recorded read(ResultSet rs) throws SQLException {
    String status = rs.getString("status");
    if (status.equals("rejected")) {
      TransferRequest request =
          new TransferRequest(
              Database.uuid(rs, "tenant_id"),
              Database.uuid(rs, "id"),
              Database.uuid(rs, "debit_account_id"),
              Database.uuid(rs, "credit_account_id"),
              rs.getLong("amount"),
              rs.getString("currency"),
              kind(rs),
              rs.getLong("hold_timeout_seconds") > 0,
              rs.getLong("hold_timeout_seconds"),
              Database.uuid(rs, "refund_of"),
              rs.getString("reference"),
              rs.getString("metadata"));
      return new RejectedTransfer(
          request,
          Rejection.fromCode(rs.getString("rejection")),
          rs.getString("rejection_detail"),
          instant(rs, "created_at"));
    }
    return transfer(rs);
  }

  static Transfer transfer(ResultSet rs) throws SQLException {
    return new Transfer(
        Database.uuid(rs, "tenant_id"),
        Database.uuid(rs, "id"),
        Database.uuid(rs, "debit_account_id"),
        Database.uuid(rs, "credit_account_id"),
        rs.getLong("amount"),
        rs.getString("currency"),
        kind(rs),
        TransferStatus.parse(rs.getString("status")).orElseThrow(),
        rs.getObject("captured_amount", Long.class),
        Database.uuid(rs, "refund_of"),
        rs.getLong("refunded_amount"),
        instant(rs, "hold_expires_at"),
        rs.getString("reference"),
        rs.getString("metadata"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        rs.getString("request_hash"));
  }

  private static TransferKind kind(ResultSet rs) throws SQLException {
    return TransferKind.parse(rs.getString("kind")).orElseThrow();
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }

  static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
