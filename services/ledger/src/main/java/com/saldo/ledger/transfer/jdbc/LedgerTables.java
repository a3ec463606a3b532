package com.saldo.ledger.transfer.jdbc;

import static com.saldo.ledger.transfer.jdbc.TransferRows.text;

import com.saldo.ledger.account.Account;
import com.saldo.ledger.transfer.Entry;
import com.saldo.ledger.transfer.Recorded;
import com.saldo.ledger.transfer.RejectedTransfer;
import com.saldo.ledger.transfer.Transfer;
import com.saldo.ledger.transfer.TransferEvent;
import com.saldo.ledger.transfer.TransferRequest;
import java.time.Instant;
import java.util.function.Function;

/**
 * The columns the write engine writes, table by table, declared once for both databases: the
 * PostgreSQL store sends them as arrays ({@link JdbcLedgerStore}), the Spanner store row by row in
 * one DML batch ({@link SpannerLedgerStore}).
 */
final class LedgerTables {

  private LedgerTables() {}

  /** A transfer as recorded, or the rejection recorded under its id. */
  static final ArrayColumns<Recorded> TRANSFERS =
      ArrayColumns.<Recorded>of()
          .column("tenant_id", "uuid", r -> r.key().tenantId())
          .column("id", "uuid", r -> r.key().id())
          .column(
              "debit_account_id", "uuid", either(Transfer::debitAccountId, q -> q.debitAccountId()))
          .column(
              "credit_account_id",
              "uuid",
              either(Transfer::creditAccountId, q -> q.creditAccountId()))
          .column("amount", "int8", either(Transfer::amount, q -> q.amount()))
          .column("currency", "text", either(Transfer::currency, q -> q.currency()))
          .column("kind", "text", either(t -> t.kind().wire(), q -> q.kind().wire()))
          .column("status", "text", r -> r instanceof Transfer t ? t.status().wire() : "rejected")
          .column(
              "rejection", "text", r -> r instanceof RejectedTransfer x ? x.reason().code() : null)
          .column(
              "rejection_detail", "text", r -> r instanceof RejectedTransfer x ? x.detail() : null)
          .column(
              "hold_timeout_seconds",
              "int8",
              either(
                  t ->
                      t.isHold()
                          ? t.holdExpiresAt().getEpochSecond() - t.createdAt().getEpochSecond()
                          : 0L,
                  q -> q.holdTimeoutSeconds()))
          .column(
              "captured_amount", "int8", r -> r instanceof Transfer t ? t.capturedAmount() : null)
          .column("refund_of", "uuid", either(Transfer::refundOf, q -> q.refundOf()))
          .column("refunded_amount", "int8", r -> r instanceof Transfer t ? t.refundedAmount() : 0L)
          .column(
              "hold_expires_at",
              "text",
              "timestamptz",
              r -> r instanceof Transfer t ? text(t.holdExpiresAt()) : null)
          .column("reference", "text", either(Transfer::reference, q -> q.reference()))
          .column("metadata", "text", "jsonb", either(Transfer::metadata, q -> q.metadata()))
          .column("request_hash", "text", Recorded::requestHash)
          .column("created_at", "text", "timestamptz", r -> text(createdAt(r)))
          .column(
              "updated_at",
              "text",
              "timestamptz",
              r -> text(r instanceof Transfer t ? t.updatedAt() : createdAt(r)));

  static final ArrayColumns<Transfer> TRANSFER_CHANGES =
      ArrayColumns.<Transfer>of()
          .column("tenant_id", "uuid", Transfer::tenantId)
          .column("id", "uuid", Transfer::id)
          .column("status", "text", t -> t.status().wire())
          .column("captured_amount", "int8", Transfer::capturedAmount)
          .column("refunded_amount", "int8", Transfer::refundedAmount)
          .column("updated_at", "text", "timestamptz", t -> text(t.updatedAt()));

  static final ArrayColumns<Account> ACCOUNT_CHANGES =
      ArrayColumns.<Account>of()
          .column("tenant_id", "uuid", Account::tenantId)
          .column("id", "uuid", Account::id)
          .column("debits_posted", "int8", Account::debitsPosted)
          .column("credits_posted", "int8", Account::creditsPosted)
          .column("debits_pending", "int8", Account::debitsPending)
          .column("credits_pending", "int8", Account::creditsPending)
          .column("version", "int8", Account::version)
          .column("entry_count", "int8", Account::entryCount)
          .column("updated_at", "text", "timestamptz", a -> text(a.updatedAt()));

  static final ArrayColumns<Entry> ENTRIES =
      ArrayColumns.<Entry>of()
          .column("tenant_id", "uuid", Entry::tenantId)
          .column("account_id", "uuid", Entry::accountId)
          .column("seq", "int8", Entry::seq)
          .column("transfer_id", "uuid", Entry::transferId)
          .column("amount", "int8", Entry::amount)
          .column("balance_after", "int8", Entry::balanceAfter)
          .column("created_at", "text", "timestamptz", e -> text(e.createdAt()));

  static final ArrayColumns<Transfer> HOLDS =
      ArrayColumns.<Transfer>of()
          .column("tenant_id", "uuid", Transfer::tenantId)
          .column("transfer_id", "uuid", Transfer::id)
          .column("expires_at", "text", "timestamptz", t -> text(t.holdExpiresAt()));

  static final ArrayColumns<Transfer> HOLD_KEYS =
      ArrayColumns.<Transfer>of()
          .column("tenant_id", "uuid", Transfer::tenantId)
          .column("transfer_id", "uuid", Transfer::id);

  /** The outbox's rows, the payload of each event written by {@code payload}. */
  static ArrayColumns<TransferEvent> events(Function<TransferEvent, String> payload) {
    return ArrayColumns.<TransferEvent>of()
        .column("id", "uuid", TransferEvent::id)
        .column("tenant_id", "uuid", e -> e.transfer().tenantId())
        .column("type", "text", TransferEvent::type)
        .column("subject_id", "uuid", e -> e.transfer().id())
        .column("payload", "text", "json", payload)
        .column("created_at", "text", "timestamptz", e -> text(e.createdAt()))
        .ordinality("position");
  }

  /** A column of a transfer that both a recorded transfer and a rejected request have. */
  private static Function<Recorded, Object> either(
      Function<Transfer, ?> transfer, Function<TransferRequest, ?> request) {
    return r ->
        switch (r) {
          case Transfer t -> transfer.apply(t);
          case RejectedTransfer x -> request.apply(x.request());
        };
  }

  static Instant createdAt(Recorded recorded) {
    return switch (recorded) {
      case Transfer t -> t.createdAt();
      case RejectedTransfer x -> x.createdAt();
    };
  }
}
