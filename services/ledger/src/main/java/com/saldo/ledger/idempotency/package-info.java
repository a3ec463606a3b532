/** Request hashes: how a repeated request is told apart from another one under the same id. */
package com.saldo.ledger.idempotency;
