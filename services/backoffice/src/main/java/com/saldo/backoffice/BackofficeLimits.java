package com.saldo.backoffice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The backoffice's limits ({@code saldo.backoffice.*}), and the default rate limit of a new key
 * (the API's default: 1000 requests/s, burst 2000).
 */
@ConfigurationProperties("saldo.backoffice")
public record BackofficeLimits(
    @DefaultValue("1000") int pageSizeMax,
    @DefaultValue("100") int pageSizeDefault,
    @DefaultValue("256") int nameLengthMax,
    @DefaultValue("1000") int keysPerTenantMax,
    @DefaultValue("1000") int ratePerSecondDefault,
    @DefaultValue("2000") int burstDefault) {

  public BackofficeLimits {
    if (pageSizeDefault < 1 || pageSizeDefault > pageSizeMax || pageSizeMax > 10_000) {
      throw new IllegalArgumentException("saldo.backoffice.page-size-* out of range");
    }
    if (nameLengthMax < 1 || nameLengthMax > 256) {
      throw new IllegalArgumentException("saldo.backoffice.name-length-max must be within 1..256");
    }
    if (keysPerTenantMax < 1 || keysPerTenantMax > 100_000) {
      throw new IllegalArgumentException("saldo.backoffice.keys-per-tenant-max out of range");
    }
    if (ratePerSecondDefault < 1 || burstDefault < 1) {
      throw new IllegalArgumentException("saldo.backoffice rate limit defaults must be positive");
    }
  }
}
