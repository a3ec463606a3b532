package com.saldo.client.error;

/**
 * HTTP 400 {@code malformed_json}: The body is not a JSON object that Saldo can read: not JSON, not
 * UTF-8, a duplicate key, nesting deeper than 32 levels, a number longer than 64 digits, or an
 * empty body.
 */
public final class MalformedJsonException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public MalformedJsonException(Problem problem) {
    super(problem);
  }
}
