package com.saldo.ledger.transfer;

import java.util.UUID;

/** A transfer's identity: ids are the clients' idempotency keys, chosen per tenant. */
public record TransferKey(UUID tenantId, UUID id) {}
