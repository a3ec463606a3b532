package com.saldo.client.error;

/**
 * HTTP 501 {@code not_implemented}: The request asks for something no Saldo service implements,
 * such as a Transfer-Encoding other than chunked (xchunked, gzip).
 */
public final class NotImplementedException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public NotImplementedException(Problem problem) {
    super(problem);
  }
}
