package com.saldo.client.error;

/**
 * HTTP 415 {@code unsupported_media_type}: A body was sent with a Content-Type other than
 * application/json (or application/*+json) in UTF-8.
 */
public final class UnsupportedMediaTypeException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** The problem as Saldo answered it. */
  public UnsupportedMediaTypeException(Problem problem) {
    super(problem);
  }
}
