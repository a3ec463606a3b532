/**
 * The JSON shapes of accounts and transfers, the same in API answers and in outbox events, and the
 * one format of times (RFC 3339 UTC with milliseconds).
 */
package com.saldo.ledger.json;
