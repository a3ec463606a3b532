package com.saldo.identity;

import com.saldo.problem.Problems;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** The verified caller of one request: its tenant, its credential and the scopes it holds. */
public record CallerIdentity(UUID tenantId, String credentialId, Set<Scope> scopes) {

  public CallerIdentity {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(credentialId, "credentialId");
    scopes = Set.copyOf(scopes);
  }

  public boolean has(Scope scope) {
    return scopes.contains(scope);
  }

  /** Answers 403 {@code forbidden} unless the caller holds {@code scope}. */
  public void require(Scope scope) {
    if (!has(scope)) {
      throw Problems.forbidden(scope.wire());
    }
  }
}
