package com.saldo.backoffice;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.saldo.problem.ProblemAdvice;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Proves that a database that is away answers 503 {@code unavailable} beside the catch-all that
 * answers 500 (a failover once reached the gateway's key check as a 500), and that a bug still
 * answers 500.
 */
class DatabaseProblemsTest {

  @RestController
  static class Failing {
    @GetMapping("/fail/{how}")
    String fail(@PathVariable("how") String how) {
      throw switch (how) {
        case "no-connection" ->
            new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection", new SQLException("refused", "08001"));
        case "no-transaction" ->
            new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
        case "timeout" -> new QueryTimeoutException("canceling statement due to statement timeout");
        default -> new IllegalStateException("a bug");
      };
    }
  }

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new Failing())
          .setControllerAdvice(new ProblemAdvice(), new DatabaseProblems())
          .build();

  @ParameterizedTest
  @ValueSource(strings = {"no-connection", "no-transaction", "timeout"})
  void aDatabaseThatIsAwayIsA503(String how) throws Exception {
    mvc.perform(get("/fail/" + how))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.code").value("unavailable"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bug"})
  void anythingElseIsStillA500(String how) throws Exception {
    mvc.perform(get("/fail/" + how))
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.code").value("internal_error"));
  }
}
