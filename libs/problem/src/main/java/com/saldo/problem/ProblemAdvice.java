package com.saldo.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns every exception that leaves a controller into a problem. Framework rejections keep their
 * status with a stable code; anything unexpected is a bug: logged at ERROR with its stack trace and
 * answered 500 without a word of its internals.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
public class ProblemAdvice {

  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

  @ExceptionHandler(ProblemException.class)
  public ResponseEntity<Problem> problem(HttpServletRequest request, ProblemException e) {
    return ProblemWriter.entity(request, e);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<Problem> unreadable(
      HttpServletRequest request, HttpMessageNotReadableException e) {
    if (e.getCause() instanceof ProblemException cause) {
      return ProblemWriter.entity(request, cause);
    }
    return ProblemWriter.entity(
        request,
        ProblemException.of(
            400, Problems.MALFORMED_JSON, "Malformed JSON", "The request body is not readable."));
  }

  /** A form-encoded body or query string that is not valid in its charset. */
  @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
  public ResponseEntity<Problem> badParameters(HttpServletRequest request, RuntimeException e) {
    return ProblemWriter.entity(
        request, ProblemException.invalid("request", "has parameters that cannot be decoded"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public ResponseEntity<Problem> typeMismatch(
      HttpServletRequest request, MethodArgumentTypeMismatchException e) {
    String type = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
    return ProblemWriter.entity(
        request, ProblemException.invalid(e.getName(), "must be a valid " + type));
  }

  /**
   * Anything unexpected. Once part of an answer has been sent nothing can be added to it: the
   * exception goes on to the container, which ends the connection without finishing the answer, so
   * the client sees it broken off instead of a whole answer with a problem glued to its end.
   */
  @ExceptionHandler(Exception.class)
  public ResponseEntity<Problem> unexpected(
      HttpServletRequest request, HttpServletResponse response, Exception e) throws Exception {
    if (response.isCommitted()) {
      throw e;
    }
    if (e instanceof ErrorResponse framework) {
      return ProblemWriter.entity(request, forStatus(framework.getStatusCode().value()));
    }
    log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), e);
    return ProblemWriter.entity(request, forStatus(500));
  }

  /** The problem for a bare HTTP status, as the framework or the servlet container reports it. */
  public static ProblemException forStatus(int status) {
    return switch (status) {
      case 400 -> ProblemException.invalid(List.of(new FieldViolation("request", "is not valid")));
      case 401 -> Problems.unauthenticated();
      case 404 ->
          ProblemException.of(
              404, Problems.NOT_FOUND, "Not found", "No resource exists at this path.");
      case 405 ->
          ProblemException.of(
              405,
              Problems.METHOD_NOT_ALLOWED,
              "Method not allowed",
              "This path does not accept this method.");
      case 406 ->
          ProblemException.of(
              406,
              Problems.NOT_ACCEPTABLE,
              "Not acceptable",
              "The service answers application/json only.");
      case 413 ->
          ProblemException.of(
              413,
              Problems.PAYLOAD_TOO_LARGE,
              "Request body too large",
              "The request body exceeds the service's limit.");
      case 415 ->
          ProblemException.of(
              415,
              Problems.UNSUPPORTED_MEDIA_TYPE,
              "Unsupported media type",
              "Send the body as application/json in UTF-8.");
      case 501 ->
          ProblemException.of(
              501,
              Problems.NOT_IMPLEMENTED,
              "Not implemented",
              "The service does not implement what the request asks for, such as its"
                  + " transfer coding.");
      case 503 -> Problems.unavailable();
      case 505 ->
          ProblemException.of(
              505,
              Problems.HTTP_VERSION_NOT_SUPPORTED,
              "HTTP version not supported",
              "The service speaks HTTP/1.1 (and HTTP/1.0).");
      default ->
          status >= 400 && status < 500
              ? ProblemException.invalid(List.of(new FieldViolation("request", "is not valid")))
              : ProblemException.of(
                  500,
                  Problems.INTERNAL_ERROR,
                  "Internal error",
                  "The service failed; the traceId identifies the failure in its logs.");
    };
  }
}
