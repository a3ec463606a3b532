package com.saldo.client.error;

/** HTTP 404 {@code api_key_not_found}: The API key does not exist, or belongs to another tenant. */
public final class ApiKeyNotFoundException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public ApiKeyNotFoundException(Problem problem) {
    super(problem);
  }
}
