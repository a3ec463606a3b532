/**
 * The benchmark: sets up its own tenant and accounts in a running Saldo, drives it over HTTP with
 * many concurrent clients, retries as the API allows, measures latency with HdrHistogram, and
 * checks afterwards that money was conserved.
 */
package com.saldo.bench;
