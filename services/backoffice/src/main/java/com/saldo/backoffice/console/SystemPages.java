package com.saldo.backoffice.console;

import com.saldo.client.model.VerifyReport;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The system page (operators): the last {@code saldo verify} and a button to run it, and each
 * service's instances with their health and recent throughput and latency.
 */
@Controller
public class SystemPages {

  /** How long the button waits for verify: it reads every account and entry in one snapshot. */
  static final Duration VERIFY_TIMEOUT = Duration.ofMinutes(5);

  private final ConsoleApi apis;
  private final VerifyRuns runs;
  private final Fleet fleet;

  public SystemPages(ConsoleApi apis, VerifyRuns runs, Fleet fleet) {
    this.apis = apis;
    this.runs = runs;
    this.fleet = fleet;
  }

  @GetMapping("/console/system")
  public String system(HttpServletRequest http, Model model) throws InterruptedException {
    ConsoleRequest console = ConsoleRequest.of(http);
    if (!console.operator()) {
      throw new ConsolePageException(403, "Not allowed", "The system page is for operators.");
    }
    model.addAttribute("lastVerify", runs.last().orElse(null));
    model.addAttribute("instances", fleet.now());
    return "console/system";
  }

  /** Runs {@code saldo verify} through the API (the operator's scope) and keeps its answer. */
  @PostMapping("/console/system/verify")
  public String verify(HttpServletRequest http) {
    ConsoleRequest console = ConsoleRequest.of(http);
    VerifyReport report = apis.as(console, VERIFY_TIMEOUT).operator().verify();
    runs.record(console.actor(), report);
    return "redirect:/console/system";
  }
}
