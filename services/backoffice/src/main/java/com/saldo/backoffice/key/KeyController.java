package com.saldo.backoffice.key;

import com.saldo.api.Cursors;
import com.saldo.api.Fields;
import com.saldo.api.JsonBodies;
import com.saldo.api.Page;
import com.saldo.api.Params;
import com.saldo.api.Times;
import com.saldo.backoffice.BackofficeLimits;
import com.saldo.backoffice.audit.AuditLog;
import com.saldo.backoffice.tenant.Tenants;
import com.saldo.identity.CallerIdentity;
import com.saldo.identity.Scope;
import com.saldo.problem.Problems;
import com.saldo.problem.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * A tenant's API keys, managed by an operator or by a key of that tenant with {@code keys:manage}.
 * Another tenant's tenant or key answers exactly as a missing one (404).
 */
@RestController
public class KeyController {

  private static final String LIST = "k";

  private final ApiKeys keys;
  private final Tenants tenants;
  private final BackofficeLimits limits;
  private final Clock clock;
  private final Supplier<UUID> ids;

  public KeyController(
      ApiKeys keys, Tenants tenants, BackofficeLimits limits, Clock clock, Supplier<UUID> ids) {
    this.keys = keys;
    this.tenants = tenants;
    this.limits = limits;
    this.clock = clock;
    this.ids = ids;
  }

  @PostMapping("/v1/tenants/{tenantId}/api-keys")
  public ResponseEntity<Map<String, Object>> create(
      CallerIdentity caller,
      HttpServletRequest http,
      @PathVariable("tenantId") String tenantText,
      @RequestBody(required = false) byte[] body) {
    UUID tenantId = Params.uuid("tenantId", tenantText);
    requireManager(caller, tenantId);
    Fields fields =
        Fields.of(JsonBodies.object(http, body)).allowOnly(Set.of("name", "scopes", "rateLimit"));
    String name = fields.requiredString("name", limits.nameLengthMax());
    Set<Scope> scopes = scopes(fields);
    int rate = limits.ratePerSecondDefault();
    int burst = limits.burstDefault();
    Fields rateLimit = fields.optionalObject("rateLimit");
    if (rateLimit != null) {
      rateLimit.allowOnly(Set.of("perSecond", "burst"));
      rate = (int) rateLimit.requiredLong("perSecond", 1, 1_000_000);
      burst = (int) rateLimit.requiredLong("burst", 1, 10_000_000);
    }
    fields.done();
    if (!caller.isOperator()
        && (rate > limits.ratePerSecondDefault() || burst > limits.burstDefault())) {
      // quotas are the operator's: a tenant may give its keys less than the default, never more
      throw Problems.forbidden(
          "operator (a tenant's own keys get at most "
              + limits.ratePerSecondDefault()
              + " requests/s with bursts of "
              + limits.burstDefault()
              + ")");
    }
    tenants.find(tenantId).orElseThrow(() -> KeyProblems.tenantNotFound(tenantId));
    UUID id = ids.get();
    String secret = KeySecrets.newKey(id);
    ApiKeys.ApiKey key =
        new ApiKeys.ApiKey(
            id,
            tenantId,
            name,
            scopes,
            KeySecrets.hash(secret),
            rate,
            burst,
            clock.instant(),
            null);
    boolean created =
        keys.create(
            key,
            limits.keysPerTenantMax(),
            AuditLog.Entry.by(
                caller,
                "api_key.created",
                id.toString(),
                RequestIds.of(http),
                Map.of(
                    "tenantId",
                    tenantId.toString(),
                    "name",
                    name,
                    "scopes",
                    ApiKeys.wire(scopes))));
    if (!created) {
      throw KeyProblems.tooManyKeys(limits.keysPerTenantMax());
    }
    Map<String, Object> view = view(key);
    view.put("key", secret);
    return ResponseEntity.created(URI.create("/v1/api-keys/" + id)).body(view);
  }

  @GetMapping("/v1/tenants/{tenantId}/api-keys")
  public Page<Map<String, Object>> list(
      CallerIdentity caller,
      @PathVariable("tenantId") String tenantText,
      @RequestParam(name = "cursor", required = false) String cursor,
      @RequestParam(name = "limit", required = false) String limit) {
    UUID tenantId = Params.uuid("tenantId", tenantText);
    requireManager(caller, tenantId);
    int size = Params.limit(limit, limits.pageSizeDefault(), limits.pageSizeMax());
    Cursors.Position after = Cursors.decode(LIST, cursor);
    tenants.find(tenantId).orElseThrow(() -> KeyProblems.tenantNotFound(tenantId));
    List<ApiKeys.ApiKey> page =
        keys.page(
            tenantId, after == null ? null : after.time(), after == null ? null : after.id(), size);
    return Page.of(
        page,
        size,
        KeyController::view,
        last -> Cursors.encode(LIST, last.createdAt().toEpochMilli(), last.id()));
  }

  @DeleteMapping("/v1/api-keys/{keyId}")
  public ResponseEntity<Void> revoke(
      CallerIdentity caller, HttpServletRequest http, @PathVariable("keyId") String keyText) {
    UUID keyId = Params.uuid("keyId", keyText);
    ApiKeys.ApiKey key =
        keys.find(keyId)
            .filter(
                k ->
                    caller.isOperator()
                        || (k.tenantId() != null && k.tenantId().equals(caller.tenantId())))
            .orElseThrow(() -> KeyProblems.keyNotFound(keyId));
    if (!caller.isOperator()) {
      caller.require(Scope.KEYS_MANAGE);
    }
    keys.revoke(
        keyId,
        clock.instant(),
        AuditLog.Entry.by(
            caller,
            "api_key.revoked",
            keyId.toString(),
            RequestIds.of(http),
            Map.of("tenantId", String.valueOf(key.tenantId()))));
    return ResponseEntity.noContent().build();
  }

  private static Set<Scope> scopes(Fields fields) {
    JsonNode node = fields.raw("scopes");
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    if (!(node instanceof ArrayNode array) || array.isEmpty() || array.size() > 16) {
      fields.fail("scopes", "must be a non-empty array of scopes");
      return scopes;
    }
    for (JsonNode element : array) {
      var scope =
          element.isString() ? Scope.parse(element.asString()) : java.util.Optional.<Scope>empty();
      if (scope.isEmpty() || !Scope.tenantScopes().contains(scope.get())) {
        fields.fail(
            "scopes",
            "must contain only "
                + Scope.tenantScopes().stream().map(Scope::wire).sorted().toList());
        return scopes;
      }
      scopes.add(scope.get());
    }
    return scopes;
  }

  /** Operators manage every tenant's keys; a tenant's key with keys:manage only its own. */
  private static void requireManager(CallerIdentity caller, UUID tenantId) {
    if (caller.isOperator()) {
      return;
    }
    if (!tenantId.equals(caller.tenantId())) {
      throw KeyProblems.tenantNotFound(tenantId);
    }
    caller.require(Scope.KEYS_MANAGE);
  }

  static Map<String, Object> view(ApiKeys.ApiKey key) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", key.id().toString());
    view.put("tenantId", key.tenantId() == null ? null : key.tenantId().toString());
    view.put("name", key.name());
    view.put("scopes", key.scopes().stream().map(Scope::wire).sorted().toList());
    view.put("rateLimit", Map.of("perSecond", key.ratePerSecond(), "burst", key.burst()));
    view.put("createdAt", Times.format(key.createdAt()));
    view.put("revokedAt", Times.format(key.revokedAt()));
    return view;
  }
}
