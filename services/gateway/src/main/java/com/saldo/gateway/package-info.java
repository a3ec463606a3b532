/**
 * The gateway: the only service exposed. It authenticates every request (API keys through the
 * backoffice, JWTs through their issuers' JWKS), enforces scopes and per-credential rate limits,
 * and forwards to the owning service with the caller's identity in a token it signs. It owns no
 * data; it caches verified credentials for a few seconds.
 */
package com.saldo.gateway;
