package com.saldo.client.error;

/**
 * HTTP 404 {@code transfer_not_found}: The transfer does not exist for this tenant (a rejected
 * request is not a transfer).
 */
public final class TransferNotFoundException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public TransferNotFoundException(Problem problem) {
    super(problem);
  }
}
