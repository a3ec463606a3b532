package com.saldo.client.error;

/**
 * HTTP 422 {@code batch_aborted}: Another transfer of the same atomic batch failed, so none of the
 * batch was applied.
 */
public final class BatchAbortedException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public BatchAbortedException(Problem problem) {
    super(problem);
  }
}
