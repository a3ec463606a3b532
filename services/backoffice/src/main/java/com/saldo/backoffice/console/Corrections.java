package com.saldo.backoffice.console;

import com.saldo.backoffice.audit.AuditLog;
import com.saldo.client.Saldo;
import com.saldo.client.model.NewTransfer;
import com.saldo.client.model.Transfer;
import com.saldo.problem.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Corrections of money, which need a reason: a refund and a manual adjustment. The reason and the
 * signed-in key go into the transfer's metadata, so the record of who corrected what and why
 * commits with the money itself; the audit log then gets its record under an id derived from the
 * transfer id, so a repeated submission (a double click, a retry) moves the money once and leaves
 * one record.
 */
@Component
public class Corrections {

  static final int REASON_MAX = 500;

  private final AuditLog audit;

  public Corrections(AuditLog audit) {
    this.audit = audit;
  }

  static String reason(Form form) {
    String reason = form.get("reason");
    if (reason == null) {
      throw ConsolePageException.badInput("A correction needs a reason.");
    }
    if (reason.codePointCount(0, reason.length()) > REASON_MAX) {
      throw ConsolePageException.badInput("A reason is at most " + REASON_MAX + " characters.");
    }
    return reason;
  }

  Transfer apply(
      ConsoleRequest console,
      HttpServletRequest http,
      Saldo api,
      NewTransfer transfer,
      String action,
      String target,
      String reason) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("reason", reason);
    metadata.put("by", console.actor());
    metadata.put("via", "console");
    Transfer done = api.transfers().create(transfer.withMetadata(metadata));
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("transferId", done.id().toString());
    detail.put("amount", done.amount());
    detail.put("currency", done.currency());
    detail.put("reason", reason);
    audit.recordOnce(
        UUID.nameUUIDFromBytes(
            ("console-correction:" + done.id()).getBytes(StandardCharsets.UTF_8)),
        new AuditLog.Entry(
            console.actor(), console.tenantId(), action, target, RequestIds.of(http), detail));
    return done;
  }
}
