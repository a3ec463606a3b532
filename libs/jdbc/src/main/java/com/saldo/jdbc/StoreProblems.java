package com.saldo.jdbc;

import com.saldo.problem.Problem;
import com.saldo.problem.ProblemWriter;
import com.saldo.problem.Problems;
import com.saldo.store.StoreConflictException;
import com.saldo.store.StoreUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A database that is away, or a race lost more often than the caller retried it, is a deliberate
 * 503 {@code unavailable} in every service that uses {@link Database}: the client retries the same
 * id. What failed goes to the log; the answer never shows it.
 */
@AutoConfiguration
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StoreProblems {

  private static final Logger log = LoggerFactory.getLogger(StoreProblems.class);

  @ExceptionHandler({StoreUnavailableException.class, StoreConflictException.class})
  public ResponseEntity<Problem> unavailable(HttpServletRequest request, RuntimeException e) {
    log.warn(
        "{} {} answered 503: {} ({})",
        request.getMethod(),
        request.getRequestURI(),
        e.getMessage(),
        e.getCause() == null ? "no cause" : e.getCause().toString());
    return ProblemWriter.entity(request, Problems.unavailable());
  }
}
