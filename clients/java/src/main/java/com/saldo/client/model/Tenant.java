package com.saldo.client.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A retailer: its shops, terminals and customers, its keys, accounts and webhooks.
 *
 * @param id the tenant's id
 * @param name its name
 * @param createdAt when it was created
 */
public record Tenant(UUID id, String name, Instant createdAt) {}
