/**
 * The webhooks service in PostgreSQL: the relay from the ledger's outbox, the feed, endpoints,
 * deliveries with their attempts and leases, replays and pruning. The only package that speaks SQL.
 */
package com.saldo.webhooks.store;
