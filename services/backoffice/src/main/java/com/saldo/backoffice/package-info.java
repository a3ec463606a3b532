/**
 * The backoffice: tenants, API keys (only hashes of their secrets), operator keys and the
 * append-only audit log of every operator and key-management action. A small service, so flat: one
 * package per feature, each with its controller and its table classes, whose use-case methods open
 * their transactions through libs/jdbc's {@code Database} (a tenant or a key is written with its
 * audit record in one).
 */
package com.saldo.backoffice;
