package com.saldo.client.model;

import java.time.Instant;

/**
 * The posted balance just after every transfer committed at or before {@code asOf}.
 *
 * @param posted in minor units
 * @param asOf the time asked for
 */
public record BalanceAsOf(long posted, Instant asOf) {}
