package com.saldo.client.error;

/** HTTP 422 {@code invalid_bounds}: The change would leave minBalance above maxBalance. */
public final class InvalidBoundsException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public InvalidBoundsException(Problem problem) {
    super(problem);
  }
}
