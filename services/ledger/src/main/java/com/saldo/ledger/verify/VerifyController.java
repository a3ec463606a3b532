package com.saldo.ledger.verify;

import com.saldo.api.Times;
import com.saldo.identity.CallerIdentity;
import com.saldo.identity.Scope;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/operator/verify}: the ledger's consistency report, for operators. */
@RestController
public class VerifyController {

  private final Verifier verifier;
  private final Clock clock;

  public VerifyController(Verifier verifier, Clock clock) {
    this.verifier = verifier;
    this.clock = clock;
  }

  @GetMapping("/v1/operator/verify")
  public Map<String, Object> verify(CallerIdentity caller) {
    caller.require(Scope.OPERATOR);
    String started = Times.format(clock.instant());
    Verifier.Report report = verifier.verify();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("clean", report.clean());
    answer.put("startedAt", started);
    answer.put("counted", report.counted());
    answer.put("checks", report.checks());
    answer.put("differences", report.differences());
    return answer;
  }
}
