/**
 * What the ledger's SQL says differently on PostgreSQL and on Spanner ({@link
 * com.saldo.ledger.jdbc.LedgerSql}), beside what every service's {@code Dialect} already says.
 */
package com.saldo.ledger.jdbc;
