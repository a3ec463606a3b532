package com.saldo.ledger.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.saldo.api.Times;
import com.saldo.ledger.transfer.Transfer;

/** A transfer as the API shows it; hold and refund fields appear only where they apply. */
public record TransferView(
    String id,
    String debitAccountId,
    String creditAccountId,
    long amount,
    String currency,
    String kind,
    String status,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long capturedAmount,
    @JsonInclude(JsonInclude.Include.NON_NULL) String refundOf,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long refundedAmount,
    @JsonInclude(JsonInclude.Include.NON_NULL) String holdExpiresAt,
    String reference,
    @JsonRawValue String metadata,
    String createdAt) {

  public static TransferView of(Transfer t) {
    return new TransferView(
        t.id().toString(),
        t.debitAccountId().toString(),
        t.creditAccountId().toString(),
        t.amount(),
        t.currency(),
        t.kind().wire(),
        t.status().wire(),
        t.capturedAmount(),
        t.refundOf() == null ? null : t.refundOf().toString(),
        t.refundedAmount() == 0 ? null : t.refundedAmount(),
        Times.format(t.holdExpiresAt()),
        t.reference(),
        t.metadata(),
        Times.format(t.createdAt()));
  }
}
