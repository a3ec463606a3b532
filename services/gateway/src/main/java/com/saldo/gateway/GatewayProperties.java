package com.saldo.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's settings ({@code saldo.gateway.*}): where each service runs (one or more base
 * URLs), timeouts, the connections kept to each backend instance, how long a verified credential is
 * trusted, the default rate limit, the limit on failed authentications per client address, and the
 * JWT issuers it accepts.
 */
@ConfigurationProperties("saldo.gateway")
public record GatewayProperties(
    Map<String, List<URI>> backends,
    @DefaultValue("1s") Duration connectTimeout,
    @DefaultValue("15s") Duration requestTimeout,
    @DefaultValue("2s") Duration credentialCacheTtl,
    @DefaultValue("100000") int credentialCacheSizeMax,
    @DefaultValue("30s") Duration identityLifetime,
    @DefaultValue("5s") Duration ejectionTime,
    @DefaultValue("1024") int backendConnectionsMax,
    @DefaultValue("1000") int ratePerSecondDefault,
    @DefaultValue("2000") int burstDefault,
    @DefaultValue("20") int failedAuthenticationsPerSecond,
    @DefaultValue("100") int failedAuthenticationsBurst,
    List<Issuer> jwtIssuers) {

  /** A JWT issuer: its {@code iss}, JWKS URL, required {@code aud}, and the tenant claim. */
  public record Issuer(
      String issuer,
      URI jwksUrl,
      String audience,
      @DefaultValue("saldo_tenant") String tenantClaim,
      @DefaultValue("30s") Duration clockSkew) {}

  public GatewayProperties {
    backends = backends == null ? Map.of() : Map.copyOf(backends);
    jwtIssuers = jwtIssuers == null ? List.of() : List.copyOf(jwtIssuers);
    if (credentialCacheTtl.compareTo(Duration.ofSeconds(5)) > 0) {
      throw new IllegalArgumentException(
          "saldo.gateway.credential-cache-ttl must be at most 5s: revocation must take effect within 5s");
    }
    if (identityLifetime.compareTo(Duration.ofSeconds(60)) > 0 || identityLifetime.isNegative()) {
      throw new IllegalArgumentException("saldo.gateway.identity-lifetime must be within 0..60s");
    }
    if (ratePerSecondDefault < 1
        || burstDefault < 1
        || failedAuthenticationsPerSecond < 1
        || failedAuthenticationsBurst < 1
        || credentialCacheSizeMax < 1
        || backendConnectionsMax < 1) {
      throw new IllegalArgumentException("saldo.gateway limits must be positive");
    }
  }
}
