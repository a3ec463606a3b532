package com.saldo.client.error;

/**
 * HTTP 409 {@code external_ref_taken}: Another account of the tenant already has this externalRef.
 */
public final class ExternalRefTakenException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public ExternalRefTakenException(Problem problem) {
    super(problem);
  }
}
