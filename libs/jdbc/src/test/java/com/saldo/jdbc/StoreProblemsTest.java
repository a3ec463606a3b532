package com.saldo.jdbc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.saldo.problem.ProblemAdvice;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Proves that a database that is away, or a race lost, answers 503 {@code unavailable} beside the
 * catch-all that answers 500 (a failover once reached the gateway's key check as a 500), and that a
 * bug still answers 500: each failure is a real SQLSTATE read by the PostgreSQL dialect.
 */
class StoreProblemsTest {

  @RestController
  static class Failing {
    @GetMapping("/fail/{state}")
    String fail(@PathVariable("state") String state) {
      throw Dialect.POSTGRESQL.translate(new SQLException("it failed", state));
    }
  }

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new Failing())
          .setControllerAdvice(new ProblemAdvice(), new StoreProblems())
          .build();

  /** Connection refused, admin shutdown, too many connections, read-only, timeout, races. */
  @ParameterizedTest
  @ValueSource(strings = {"08001", "57P01", "53300", "25006", "57014", "40001", "40P01"})
  void aDatabaseThatIsAwayOrARaceLostIsA503(String state) throws Exception {
    mvc.perform(get("/fail/" + state))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.code").value("unavailable"));
  }

  /** Undefined column, a check constraint, a syntax error: bugs, never disguised as an outage. */
  @ParameterizedTest
  @ValueSource(strings = {"42703", "23514", "42601"})
  void anythingElseIsStillA500(String state) throws Exception {
    mvc.perform(get("/fail/" + state))
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.code").value("internal_error"));
  }
}
