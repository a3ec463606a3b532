package com.saldo.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Takes the tenant from the {@code Saldo-Tenant-Id} header and the scopes from {@code Saldo-Scopes}
 * (space separated; all tenant scopes when absent), without any proof.
 *
 * <p>For a service reached directly on a developer's machine only, until the gateway signs
 * identities: whoever can reach the port can act as any tenant.
 */
public final class TrustedHeaderVerifier implements IdentityVerifier {

  public static final String TENANT_HEADER = "Saldo-Tenant-Id";
  public static final String SCOPES_HEADER = "Saldo-Scopes";
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  @Override
  public Optional<CallerIdentity> verify(HttpServletRequest request) {
    String tenant = request.getHeader(TENANT_HEADER);
    if (tenant == null || !UUID_TEXT.matcher(tenant).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new CallerIdentity(
            UUID.fromString(tenant), "header", scopes(request.getHeader(SCOPES_HEADER))));
  }

  private static Set<Scope> scopes(String header) {
    if (header == null) {
      return Scope.tenantScopes();
    }
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (String word : header.trim().split("\\s+")) {
      Scope.parse(word).filter(Scope.tenantScopes()::contains).ifPresent(scopes::add);
    }
    return scopes;
  }
}
