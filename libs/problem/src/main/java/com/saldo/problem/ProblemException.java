package com.saldo.problem;

import java.util.List;

/**
 * Ends a request with a problem. Carries no stack trace: it is an answer to a client, not a bug.
 */
public final class ProblemException extends RuntimeException {

  private final transient Problem problem;
  private final long retryAfterSeconds;

  public ProblemException(Problem problem) {
    this(problem, 0);
  }

  public ProblemException(Problem problem, long retryAfterSeconds) {
    super(problem.code() + ": " + problem.detail(), null, false, false);
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static ProblemException of(int status, String code, String title, String detail) {
    return new ProblemException(Problem.of(status, code, title, detail, List.of()));
  }

  public static ProblemException invalid(List<FieldViolation> errors) {
    return new ProblemException(
        Problem.of(
            400,
            Problems.VALIDATION_FAILED,
            "The request is not valid",
            "One or more fields are invalid.",
            errors));
  }

  public static ProblemException invalid(String field, String message) {
    return invalid(List.of(new FieldViolation(field, message)));
  }

  public Problem problem() {
    return problem;
  }

  /** Seconds for a {@code Retry-After} header, or 0 for none. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
