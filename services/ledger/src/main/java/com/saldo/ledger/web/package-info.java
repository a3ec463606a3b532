/**
 * What the ledger's controllers share: waiting for the engine; the 503 of an unreachable database
 * is libs/jdbc's StoreProblems.
 */
package com.saldo.ledger.web;
