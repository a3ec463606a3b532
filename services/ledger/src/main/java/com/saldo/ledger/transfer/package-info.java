/**
 * Transfers: moving money between two accounts of one tenant exactly once, holds that are captured
 * or voided later, and refunds bounded by what they refund. Plain Java: the rules ({@link
 * com.saldo.ledger.transfer.Book}), the commands and outcomes, and the {@link
 * com.saldo.ledger.transfer.LedgerStore} port. The write engine lives in {@code engine}; storage
 * and HTTP in {@code jdbc} and {@code web}.
 */
package com.saldo.ledger.transfer;
