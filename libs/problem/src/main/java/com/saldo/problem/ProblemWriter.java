package com.saldo.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders problems, as a {@link ResponseEntity} for controllers and straight to the servlet
 * response for filters. Client errors are logged at DEBUG without a stack trace.
 */
public final class ProblemWriter {

  private static final Logger log = LoggerFactory.getLogger(ProblemWriter.class);
  private static final MediaType PROBLEM_JSON = MediaType.parseMediaType(Problem.MEDIA_TYPE);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemWriter() {}

  public static ResponseEntity<Problem> entity(HttpServletRequest request, ProblemException e) {
    Problem problem = e.problem().withTraceId(RequestIds.of(request));
    logClientError(request, problem);
    ResponseEntity.BodyBuilder builder =
        ResponseEntity.status(problem.status()).contentType(PROBLEM_JSON);
    if (e.retryAfterSeconds() > 0) {
      builder.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
    }
    return builder.body(problem);
  }

  public static void write(
      HttpServletRequest request, HttpServletResponse response, ProblemException e)
      throws IOException {
    Problem problem = e.problem().withTraceId(RequestIds.of(request));
    logClientError(request, problem);
    response.resetBuffer();
    response.setStatus(problem.status());
    response.setContentType(Problem.MEDIA_TYPE);
    if (e.retryAfterSeconds() > 0) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
    }
    response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    response.flushBuffer();
  }

  private static void logClientError(HttpServletRequest request, Problem problem) {
    if (problem.status() < 500 && log.isDebugEnabled()) {
      log.debug(
          "{} {} -> {} {}",
          request.getMethod(),
          request.getRequestURI(),
          problem.status(),
          problem.code());
    }
  }
}
