/**
 * The services' one way to their database ({@link com.saldo.jdbc.Database}): transactions, failures
 * read by the {@link com.saldo.jdbc.Dialect} as a conflict worth a retry or an outage (which {@link
 * com.saldo.jdbc.StoreProblems} answers with a 503), and the SQL of keyset pages ({@link
 * com.saldo.jdbc.Keyset}). The statements themselves live in each service's adapters; this holds no
 * table and no rule.
 */
package com.saldo.jdbc;
