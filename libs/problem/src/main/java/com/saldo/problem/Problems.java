package com.saldo.problem;

/** The problem codes that every service shares; a service adds its own business codes. */
public final class Problems {

  public static final String MALFORMED_JSON = "malformed_json";
  public static final String VALIDATION_FAILED = "validation_failed";
  public static final String NOT_FOUND = "not_found";
  public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
  public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
  public static final String NOT_ACCEPTABLE = "not_acceptable";
  public static final String PAYLOAD_TOO_LARGE = "payload_too_large";
  public static final String UNAUTHENTICATED = "unauthenticated";
  public static final String FORBIDDEN = "forbidden";
  public static final String RATE_LIMITED = "rate_limited";
  public static final String NOT_IMPLEMENTED = "not_implemented";
  public static final String HTTP_VERSION_NOT_SUPPORTED = "http_version_not_supported";
  public static final String OVERLOADED = "overloaded";
  public static final String UNAVAILABLE = "unavailable";
  public static final String INTERNAL_ERROR = "internal_error";

  private Problems() {}

  public static ProblemException unauthenticated() {
    return ProblemException.of(
        401, UNAUTHENTICATED, "Not authenticated", "The request carries no valid credential.");
  }

  public static ProblemException forbidden(String scope) {
    return ProblemException.of(
        403, FORBIDDEN, "Forbidden", "The credential lacks the scope " + scope + ".");
  }

  /** 429: the credential is over its rate limit; {@code seconds} is the Retry-After. */
  public static ProblemException rateLimited(long seconds) {
    return new ProblemException(
        Problem.of(
            429,
            RATE_LIMITED,
            "Too many requests",
            "The credential is over its rate limit; retry after the given seconds.",
            java.util.List.of()),
        seconds);
  }

  public static ProblemException overloaded() {
    return new ProblemException(
        Problem.of(
            503,
            OVERLOADED,
            "Overloaded",
            "The service is at its limit; retry the same request after the given seconds.",
            java.util.List.of()),
        1);
  }

  public static ProblemException unavailable() {
    return new ProblemException(
        Problem.of(
            503,
            UNAVAILABLE,
            "Temporarily unavailable",
            "The request could not be completed now; retrying it with the same id is safe.",
            java.util.List.of()),
        1);
  }
}
