/** Accounts in PostgreSQL, with their events in the outbox. */
package com.saldo.ledger.account.jdbc;
