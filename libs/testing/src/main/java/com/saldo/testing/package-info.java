/**
 * Test support for every service: a real PostgreSQL (the embedded one, started once per test JVM, a
 * fresh database per caller) and a small HTTP client that speaks the API's JSON.
 */
package com.saldo.testing;
