package com.saldo.client.model;

/**
 * A credential's rate limit: a token bucket.
 *
 * @param perSecond requests per second on average
 * @param burst the most in a burst
 */
public record RateLimit(long perSecond, long burst) {}
