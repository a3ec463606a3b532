package com.saldo.system;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * {@link GatewaySystemTest} against a Saldo whose services run on the Spanner emulator: keys,
 * scopes, revocation, rate limits, JWTs and tenants over Spanner's tables.
 */
@OnSpanner
class GatewayOnSpannerSystemTest extends GatewaySystemTest {

  @Test
  @Disabled(
      "counts refusals within a time window sized for PostgreSQL's key lookups; the emulator"
          + " runs one transaction at a time, so fewer guesses reach the limit in it, which says"
          + " nothing about the limit")
  @Override
  void guessingKeysIsLimitedPerAddressWhileAWorkingKeyKeepsWorking() {}
}
