/**
 * The backoffice: tenants, API keys (only hashes of their secrets), operator keys and the
 * append-only audit log of every operator and key-management action. A small service, so flat: one
 * package per feature, each with its controller and its JDBC.
 */
package com.saldo.backoffice;
