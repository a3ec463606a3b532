package com.saldo.backoffice.tenant;

import com.saldo.api.Cursors;
import com.saldo.api.Fields;
import com.saldo.api.JsonBodies;
import com.saldo.api.Page;
import com.saldo.api.Params;
import com.saldo.api.Times;
import com.saldo.backoffice.BackofficeLimits;
import com.saldo.backoffice.audit.AuditLog;
import com.saldo.identity.CallerIdentity;
import com.saldo.identity.Scope;
import com.saldo.problem.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators create and list tenants; every creation is audited in its transaction. */
@RestController
public class TenantController {

  private static final String LIST = "tn";

  private final Tenants tenants;
  private final BackofficeLimits limits;
  private final Clock clock;
  private final Supplier<UUID> ids;

  public TenantController(
      Tenants tenants, BackofficeLimits limits, Clock clock, Supplier<UUID> ids) {
    this.tenants = tenants;
    this.limits = limits;
    this.clock = clock;
    this.ids = ids;
  }

  @PostMapping("/v1/tenants")
  public ResponseEntity<Map<String, Object>> create(
      CallerIdentity caller, HttpServletRequest http, @RequestBody(required = false) byte[] body) {
    caller.require(Scope.OPERATOR);
    Fields fields = Fields.of(JsonBodies.object(http, body)).allowOnly(Set.of("name"));
    String name = fields.requiredString("name", limits.nameLengthMax());
    if (name != null && name.isBlank()) {
      fields.fail("name", "must not be blank");
    }
    fields.done();
    Tenants.Tenant tenant = new Tenants.Tenant(ids.get(), name, clock.instant());
    tenants.create(
        tenant,
        AuditLog.Entry.by(
            caller,
            "tenant.created",
            tenant.id().toString(),
            RequestIds.of(http),
            Map.of("name", name)));
    return ResponseEntity.created(URI.create("/v1/tenants/" + tenant.id())).body(view(tenant));
  }

  @GetMapping("/v1/tenants")
  public Page<Map<String, Object>> list(
      CallerIdentity caller,
      @RequestParam(name = "cursor", required = false) String cursor,
      @RequestParam(name = "limit", required = false) String limit) {
    caller.require(Scope.OPERATOR);
    int size = Params.limit(limit, limits.pageSizeDefault(), limits.pageSizeMax());
    Cursors.Position after = Cursors.decode(LIST, cursor);
    List<Tenants.Tenant> page =
        tenants.page(after == null ? null : after.time(), after == null ? null : after.id(), size);
    return Page.of(
        page,
        size,
        TenantController::view,
        last -> Cursors.encode(LIST, last.createdAt().toEpochMilli(), last.id()));
  }

  static Map<String, Object> view(Tenants.Tenant tenant) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", tenant.id().toString());
    view.put("name", tenant.name());
    view.put("createdAt", Times.format(tenant.createdAt()));
    return view;
  }
}
