package com.saldo.identity;

import com.saldo.problem.Problems;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The verified caller of one request: its tenant, its credential and the scopes it holds. An
 * operator's credential belongs to no tenant ({@code tenantId} is null) and holds {@code operator}.
 */
public record CallerIdentity(UUID tenantId, String credentialId, Set<Scope> scopes) {

  public CallerIdentity {
    Objects.requireNonNull(credentialId, "credentialId");
    scopes = Set.copyOf(scopes);
    if (tenantId == null && !scopes.contains(Scope.OPERATOR) && !scopes.contains(Scope.INTERNAL)) {
      throw new IllegalArgumentException("only an operator or Saldo itself acts for no tenant");
    }
  }

  public boolean has(Scope scope) {
    return scopes.contains(scope);
  }

  public boolean isOperator() {
    return scopes.contains(Scope.OPERATOR);
  }

  /**
   * Answers 403 {@code forbidden} unless the caller holds {@code scope} and, for a tenant scope,
   * acts for a tenant.
   */
  public void require(Scope scope) {
    if (!has(scope) || (scope != Scope.OPERATOR && scope != Scope.INTERNAL && tenantId == null)) {
      throw Problems.forbidden(scope.wire());
    }
  }
}
