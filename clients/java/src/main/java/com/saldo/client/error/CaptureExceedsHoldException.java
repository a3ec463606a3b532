package com.saldo.client.error;

/** HTTP 422 {@code capture_exceeds_hold}: The capture asks for more than the hold reserved. */
public final class CaptureExceedsHoldException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public CaptureExceedsHoldException(Problem problem) {
    super(problem);
  }
}
