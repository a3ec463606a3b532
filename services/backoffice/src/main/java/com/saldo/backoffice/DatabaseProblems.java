package com.saldo.backoffice;

import com.saldo.problem.Problem;
import com.saldo.problem.ProblemWriter;
import com.saldo.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A database that is away (no connection to be had, a connection cut, a failover under way) or a
 * transaction that lost a race is a deliberate 503: the caller retries, and the gateway's key check
 * with it. Before this, such a failure reached the catch-all and answered 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseProblems {

  private static final Logger log = LoggerFactory.getLogger(DatabaseProblems.class);

  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    TransientDataAccessException.class,
    RecoverableDataAccessException.class,
    CannotCreateTransactionException.class
  })
  public ResponseEntity<Problem> unavailable(HttpServletRequest request, RuntimeException e) {
    log.warn(
        "{} {} answered 503, the database failed: {}",
        request.getMethod(),
        request.getRequestURI(),
        e.getMessage());
    return ProblemWriter.entity(request, Problems.unavailable());
  }
}
