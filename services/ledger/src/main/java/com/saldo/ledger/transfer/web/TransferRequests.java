package com.saldo.ledger.transfer.web;

import com.saldo.api.Fields;
import com.saldo.ledger.LedgerLimits;
import com.saldo.ledger.transfer.TransferKind;
import com.saldo.ledger.transfer.TransferRequest;
import com.saldo.money.Amount;
import com.saldo.money.CurrencyCode;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads a transfer request from JSON, collecting every violation of its shape. */
final class TransferRequests {

  private static final Set<String> FIELDS =
      Set.of(
          "id",
          "debitAccountId",
          "creditAccountId",
          "amount",
          "currency",
          "kind",
          "hold",
          "holdTimeoutSeconds",
          "refundOf",
          "reference",
          "metadata");
  private static final Set<String> KINDS =
      Arrays.stream(TransferKind.values()).map(TransferKind::wire).collect(Collectors.toSet());

  private TransferRequests() {}

  /**
   * The request, or null when {@code fields} recorded a violation (the caller ends with done()).
   */
  static TransferRequest read(UUID tenantId, Fields fields, LedgerLimits limits) {
    fields.allowOnly(FIELDS);
    UUID id = fields.requiredUuid("id");
    UUID debit = fields.requiredUuid("debitAccountId");
    UUID credit = fields.requiredUuid("creditAccountId");
    long amount = fields.requiredLong("amount", Amount.MIN, Amount.MAX);
    String currency = fields.requiredString("currency", 3);
    if (currency != null && !CurrencyCode.isValid(currency)) {
      fields.fail("currency", "must be an ISO 4217 currency code such as EUR");
    }
    String kindText = fields.optionalChoice("kind", KINDS);
    TransferKind kind =
        kindText == null ? TransferKind.TRANSFER : TransferKind.parse(kindText).orElseThrow();
    boolean hold = Boolean.TRUE.equals(fields.optionalBoolean("hold"));
    Long timeout = fields.optionalLong("holdTimeoutSeconds", 1, limits.holdTimeoutMax());
    if (timeout != null && !hold) {
      fields.fail("holdTimeoutSeconds", "is allowed only with hold: true");
    }
    UUID refundOf = fields.optionalUuid("refundOf");
    if (kind == TransferKind.REFUND && !fields.isGiven("refundOf")) {
      fields.fail("refundOf", "is required for a refund");
    }
    if (kind != TransferKind.REFUND && fields.isGiven("refundOf")) {
      fields.fail("refundOf", "is allowed only with kind: refund");
    }
    if (kind == TransferKind.REFUND && hold) {
      fields.fail("hold", "a refund posts at once and cannot be a hold");
    }
    String reference = fields.optionalString("reference", limits.stringLengthMax());
    String metadata =
        fields.metadata("metadata", limits.metadataBytesMax(), limits.metadataKeysMax());
    if (fields.hasErrors()) {
      return null;
    }
    return new TransferRequest(
        tenantId,
        id,
        debit,
        credit,
        amount,
        currency,
        kind,
        hold,
        hold ? (timeout == null ? limits.holdTimeoutDefault() : timeout) : 0,
        refundOf,
        reference,
        metadata);
  }
}
