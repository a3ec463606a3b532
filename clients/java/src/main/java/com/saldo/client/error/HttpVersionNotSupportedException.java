package com.saldo.client.error;

/**
 * HTTP 505 {@code http_version_not_supported}: The request line names an HTTP version the service
 * does not speak (HTTP/2.0 written into an HTTP/1 request line, HTTP/3.1).
 */
public final class HttpVersionNotSupportedException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public HttpVersionNotSupportedException(Problem problem) {
    super(problem);
  }
}
