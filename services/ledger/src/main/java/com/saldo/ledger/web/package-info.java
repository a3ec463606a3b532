/**
 * What the ledger's controllers share: waiting for the engine, and the 503 of an unreachable store.
 */
package com.saldo.ledger.web;
