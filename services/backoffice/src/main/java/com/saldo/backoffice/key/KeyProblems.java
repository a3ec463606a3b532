package com.saldo.backoffice.key;

import com.saldo.problem.ProblemException;
import java.util.UUID;

/**
 * The one place the key and tenant routes make problems of their own; the rest (invalid input,
 * forbidden, unavailable) are libs/problem's and libs/jdbc's. Every code here has its page in
 * docs/problems.
 */
final class KeyProblems {

  private KeyProblems() {}

  /** No such tenant; another tenant's answers exactly the same. */
  static ProblemException tenantNotFound(UUID id) {
    return ProblemException.of(
        404, "tenant_not_found", "Tenant not found", "Tenant " + id + " does not exist.");
  }

  /** No such key; another tenant's answers exactly the same. */
  static ProblemException keyNotFound(UUID id) {
    return ProblemException.of(
        404, "api_key_not_found", "API key not found", "API key " + id + " does not exist.");
  }

  static ProblemException tooManyKeys(int max) {
    return ProblemException.of(
        422,
        "too_many_keys",
        "Too many keys",
        "The tenant has " + max + " active keys; revoke one first.");
  }
}
