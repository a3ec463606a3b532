/**
 * The webhooks service: the event feed relayed from the ledger's outbox, and signed deliveries to
 * the tenants' endpoints. {@code store} is its SQL, {@code delivery} the delivery engine free of
 * Spring and SQL, {@code web} its HTTP API, {@code signing} and {@code egress} the Standard
 * Webhooks signatures and the SSRF policy.
 */
package com.saldo.webhooks;
