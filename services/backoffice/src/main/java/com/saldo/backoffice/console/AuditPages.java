package com.saldo.backoffice.console;

import com.saldo.client.model.AuditRecord;
import com.saldo.client.model.Page;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log with its filters, read through the API (the operator's scope). */
@Controller
public class AuditPages {

  static final int PAGE = 50;

  private final ConsoleApi apis;

  public AuditPages(ConsoleApi apis) {
    this.apis = apis;
  }

  @GetMapping("/console/audit")
  public String audit(
      HttpServletRequest http,
      Model model,
      @RequestParam(name = "action", required = false) String action,
      @RequestParam(name = "target", required = false) String target,
      @RequestParam(name = "actor", required = false) String actor,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "cursor", required = false) String cursor) {
    String a = text(action, 64, "Action");
    String t = text(target, 128, "Target");
    String who = text(actor, 64, "Actor");
    var fromTime = Pages.time(from, "From");
    var toTime = Pages.time(to, "To");
    Page<AuditRecord> page =
        apis.as(ConsoleRequest.of(http))
            .operator()
            .auditLog(a, t, who, fromTime, toTime, Pages.cursor(cursor), PAGE);
    model.addAttribute("records", page);
    model.addAttribute("action", a);
    model.addAttribute("target", t);
    model.addAttribute("actor", who);
    model.addAttribute("from", fromTime);
    model.addAttribute("to", toTime);
    return "console/audit";
  }

  private static String text(String value, int max, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > max) {
      throw ConsolePageException.badInput(name + " is at most " + max + " characters.");
    }
    return value.strip();
  }
}
