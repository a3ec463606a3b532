package com.saldo.client.error;

/** HTTP 406 {@code not_acceptable}: The client accepts no media type that Saldo answers with. */
public final class NotAcceptableException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public NotAcceptableException(Problem problem) {
    super(problem);
  }
}
