/**
 * What {@code ./saldo up} runs on a developer's machine: an embedded PostgreSQL (or the one named
 * by {@code SALDO_DATABASE_URL}) and every service of Saldo as its own process, in the foreground,
 * until Ctrl-C or SIGTERM stops them all in order.
 */
package com.saldo.local;
