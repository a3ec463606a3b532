package com.saldo.client.error;

/**
 * HTTP 404 {@code tenant_not_found}: The tenant does not exist, or the caller may not see it
 * (another tenant's id answers exactly the same).
 */
public final class TenantNotFoundException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public TenantNotFoundException(Problem problem) {
    super(problem);
  }
}
