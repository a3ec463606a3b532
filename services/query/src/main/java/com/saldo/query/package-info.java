/**
 * The query service: an account's history with running balances, its balance at any time, and
 * statements. It owns no data; it reads the ledger's published views (v1) as a read-only role, from
 * a replica when one is configured, and says with every answer how current it is.
 */
package com.saldo.query;
