/**
 * Delivery of the feed to the endpoints: leases that give each endpoint to one replica at a time, a
 * worker per endpoint that keeps order per account, the retry schedule and the rate limits.
 */
package com.saldo.webhooks.delivery;
