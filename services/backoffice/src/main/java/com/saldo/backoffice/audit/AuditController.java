package com.saldo.backoffice.audit;

import com.saldo.api.Cursors;
import com.saldo.api.Page;
import com.saldo.api.Params;
import com.saldo.api.Times;
import com.saldo.backoffice.BackofficeLimits;
import com.saldo.identity.CallerIdentity;
import com.saldo.identity.Scope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Operators read the audit log, newest first. */
@RestController
public class AuditController {

  private static final String LIST = "au";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AuditLog audit;
  private final BackofficeLimits limits;

  public AuditController(AuditLog audit, BackofficeLimits limits) {
    this.audit = audit;
    this.limits = limits;
  }

  @GetMapping("/v1/audit-log")
  public Page<Map<String, Object>> list(
      CallerIdentity caller,
      @RequestParam(name = "action", required = false) String action,
      @RequestParam(name = "target", required = false) String target,
      @RequestParam(name = "actor", required = false) String actor,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "cursor", required = false) String cursor,
      @RequestParam(name = "limit", required = false) String limit) {
    caller.require(Scope.OPERATOR);
    AuditLog.Filter filter =
        new AuditLog.Filter(
            Params.text("action", action, 64),
            Params.text("target", target, 128),
            Params.text("actor", actor, 64),
            Params.time("from", from),
            Params.time("to", to));
    int size = Params.limit(limit, limits.pageSizeDefault(), limits.pageSizeMax());
    Cursors.Position before = Cursors.decode(LIST, cursor);
    List<AuditLog.Record> page =
        audit.page(
            filter,
            before == null ? null : before.time(),
            before == null ? null : before.id(),
            size);
    return Page.of(
        page,
        size,
        AuditController::view,
        last -> Cursors.encode(LIST, last.at().toEpochMilli(), last.id()));
  }

  private static Map<String, Object> view(AuditLog.Record r) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", r.id().toString());
    view.put("at", Times.format(r.at()));
    view.put("actor", r.actor());
    view.put("actorTenantId", r.actorTenant() == null ? null : r.actorTenant().toString());
    view.put("action", r.action());
    view.put("target", r.target());
    view.put("requestId", r.requestId());
    view.put("detail", JSON.readTree(r.detail()));
    return view;
  }
}
