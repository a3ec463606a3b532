/**
 * Transactions over JDBC and the translation of SQL states into the store's two failures. The one
 * place that knows PostgreSQL's error codes.
 */
package com.saldo.ledger.store.jdbc;
