/** Transfers, entries, holds and the outbox in PostgreSQL: the write engine's store and reads. */
package com.saldo.ledger.transfer.jdbc;
