/**
 * The ledger's self-check for operators: recompute every account from its entries and transfers,
 * double entry per tenant and currency, every bound, every running balance, holds, refunds, and the
 * outbox against the transfers; report each difference.
 */
package com.saldo.ledger.verify;
