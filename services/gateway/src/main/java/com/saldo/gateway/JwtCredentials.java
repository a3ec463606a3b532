package com.saldo.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.saldo.identity.CallerIdentity;
import com.saldo.identity.Scope;
import java.net.MalformedURLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Verifies JWTs of the configured issuers: signature (RS256 or ES256) with a key from the issuer's
 * JWKS, exact issuer, required audience, expiry and not-before with the issuer's clock skew. The
 * tenant comes from the tenant claim, the scopes from {@code scope} (space separated) or {@code
 * scp} (a list).
 */
final class JwtCredentials {

  private record Issuer(
      GatewayProperties.Issuer settings, DefaultJWTProcessor<SecurityContext> processor) {}

  private final Map<String, Issuer> issuers = new HashMap<>();
  private final int ratePerSecond;
  private final int burst;

  JwtCredentials(GatewayProperties properties) {
    this.ratePerSecond = properties.ratePerSecondDefault();
    this.burst = properties.burstDefault();
    for (GatewayProperties.Issuer issuer : properties.jwtIssuers()) {
      JWKSource<SecurityContext> keys;
      try {
        keys = JWKSourceBuilder.create(issuer.jwksUrl().toURL()).retrying(true).build();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("bad JWKS URL of issuer " + issuer.issuer(), e);
      }
      DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
      processor.setJWSKeySelector(
          new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
      DefaultJWTClaimsVerifier<SecurityContext> claims =
          new DefaultJWTClaimsVerifier<>(
              issuer.audience(),
              new JWTClaimsSet.Builder().issuer(issuer.issuer()).build(),
              Set.of("exp", "sub"));
      claims.setMaxClockSkew((int) issuer.clockSkew().toSeconds());
      processor.setJWTClaimsSetVerifier(claims);
      issuers.put(issuer.issuer(), new Issuer(issuer, processor));
    }
  }

  Optional<Verified> verify(String token) {
    try {
      String claimedIssuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
      Issuer issuer = claimedIssuer == null ? null : issuers.get(claimedIssuer);
      if (issuer == null) {
        return Optional.empty();
      }
      JWTClaimsSet claims = issuer.processor().process(token, null);
      Set<Scope> scopes = EnumSet.noneOf(Scope.class);
      for (String scope : scopes(claims)) {
        Scope.parse(scope).filter(s -> s != Scope.INTERNAL).ifPresent(scopes::add);
      }
      String tenant = claims.getStringClaim(issuer.settings().tenantClaim());
      UUID tenantId = tenant == null ? null : UUID.fromString(tenant);
      if (tenantId == null && !scopes.contains(Scope.OPERATOR)) {
        return Optional.empty();
      }
      String credential = "jwt:" + claimedIssuer + ":" + claims.getSubject();
      return Optional.of(
          new Verified(new CallerIdentity(tenantId, credential, scopes), ratePerSecond, burst));
    } catch (com.nimbusds.jose.KeySourceException unreachable) {
      throw com.saldo.problem.Problems.unavailable();
    } catch (Exception invalid) {
      // Any parse, signature, key, claim or format failure: not a valid credential.
      return Optional.empty();
    }
  }

  private static List<String> scopes(JWTClaimsSet claims) throws java.text.ParseException {
    Object scope = claims.getClaim("scope");
    if (scope instanceof String text) {
      return List.of(text.trim().split("\\s+"));
    }
    List<String> list = claims.getStringListClaim("scp");
    return list == null ? new ArrayList<>() : list;
  }
}
