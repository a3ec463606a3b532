/**
 * What the services' JDBC adapters share: the SQL of keyset pages ({@link Keyset}). The statements
 * themselves live in each service's adapters; this holds no table and no rule.
 */
package com.saldo.jdbc;
