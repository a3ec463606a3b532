package com.saldo.query;

import com.saldo.problem.ProblemException;
import java.util.UUID;

/**
 * The one place the query service makes a problem of its own; the rest (invalid input, forbidden,
 * unavailable) are libs/problem's and libs/jdbc's. Every code here has its page in docs/problems.
 */
final class QueryProblems {

  private QueryProblems() {}

  /** The tenant has no such account: another tenant's account answers exactly the same. */
  static ProblemException accountNotFound(UUID id) {
    return ProblemException.of(
        404, "account_not_found", "Account not found", "Account " + id + " does not exist.");
  }
}
