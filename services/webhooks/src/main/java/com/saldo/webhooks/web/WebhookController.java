package com.saldo.webhooks.web;

import com.saldo.api.Cursors;
import com.saldo.api.Fields;
import com.saldo.api.JsonBodies;
import com.saldo.api.Page;
import com.saldo.api.Params;
import com.saldo.api.Times;
import com.saldo.identity.CallerIdentity;
import com.saldo.identity.Scope;
import com.saldo.problem.ProblemException;
import com.saldo.webhooks.WebhooksSettings;
import com.saldo.webhooks.egress.TargetPolicy;
import com.saldo.webhooks.endpoint.EventTypes;
import com.saldo.webhooks.endpoint.Webhook;
import com.saldo.webhooks.signing.Signer;
import com.saldo.webhooks.store.Endpoints;
import com.saldo.webhooks.store.Feed;
import com.saldo.webhooks.store.Replays;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A tenant's webhooks ({@code webhooks:manage}): register, list, change, pause and resume, delete,
 * rotate the secret, see the attempts, replay a range. Another tenant's webhook answers exactly as
 * a missing one (404).
 */
@RestController
public class WebhookController {

  static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
  private static final int DESCRIPTION_MAX = 256;
  private static final String LIST = "w";
  private static final String ATTEMPTS = "a";

  private final Endpoints endpoints;
  private final Feed feed;
  private final Replays replays;
  private final TargetPolicy targets;
  private final WebhooksSettings settings;
  private final Clock clock;
  private final Supplier<UUID> ids;

  public WebhookController(
      Endpoints endpoints,
      Feed feed,
      Replays replays,
      TargetPolicy targets,
      WebhooksSettings settings,
      Clock clock,
      Supplier<UUID> ids) {
    this.endpoints = endpoints;
    this.feed = feed;
    this.replays = replays;
    this.targets = targets;
    this.settings = settings;
    this.clock = clock;
    this.ids = ids;
  }

  @PostMapping("/v1/webhooks")
  public ResponseEntity<Map<String, Object>> create(
      CallerIdentity caller, HttpServletRequest http, @RequestBody(required = false) byte[] body) {
    caller.require(Scope.WEBHOOKS_MANAGE);
    Fields fields =
        Fields.of(JsonBodies.object(http, body))
            .allowOnly(Set.of("url", "events", "description", "rateLimit"));
    URI url = url(fields, true);
    List<String> events = events(fields, true);
    String description = fields.optionalString("description", DESCRIPTION_MAX);
    Long rate = fields.optionalLong("rateLimit", 1, settings.rateLimitMax());
    fields.done();
    checkTarget(url);
    Instant now = clock.instant();
    Webhook webhook =
        new Webhook(
            ids.get(),
            caller.tenantId(),
            url.toString(),
            events,
            description,
            Webhook.ACTIVE,
            null,
            rate == null ? settings.rateLimitDefault() : rate.intValue(),
            null,
            null,
            now,
            now);
    String secret = Signer.newSecret();
    if (!endpoints.insert(webhook, secret, settings.endpointsPerTenantMax())) {
      throw WebhookProblems.tooMany(settings.endpointsPerTenantMax());
    }
    Map<String, Object> view = view(webhook);
    view.put("secret", secret);
    return ResponseEntity.created(URI.create("/v1/webhooks/" + webhook.id())).body(view);
  }

  @GetMapping("/v1/webhooks")
  public Page<Map<String, Object>> list(
      CallerIdentity caller,
      @RequestParam(name = "cursor", required = false) String cursor,
      @RequestParam(name = "limit", required = false) String limit) {
    caller.require(Scope.WEBHOOKS_MANAGE);
    int size = Params.limit(limit, settings.pageSizeDefault(), settings.pageSizeMax());
    Cursors.Position after = Cursors.decode(LIST, cursor);
    List<Webhook> page =
        endpoints.list(
            caller.tenantId(),
            after == null ? null : after.time(),
            after == null ? null : after.id(),
            size);
    return Page.of(
        page, size, this::view, w -> Cursors.encode(LIST, w.createdAt().toEpochMilli(), w.id()));
  }

  @GetMapping("/v1/webhooks/{id}")
  public Map<String, Object> get(CallerIdentity caller, @PathVariable("id") String idText) {
    caller.require(Scope.WEBHOOKS_MANAGE);
    UUID id = Params.uuid("id", idText);
    Webhook webhook =
        endpoints.find(caller.tenantId(), id).orElseThrow(() -> WebhookProblems.notFound(id));
    Map<String, Object> view = view(webhook);
    view.put("pendingDeliveries", endpoints.pendingCount(id));
    return view;
  }

  @PatchMapping("/v1/webhooks/{id}")
  public Map<String, Object> change(
      CallerIdentity caller,
      HttpServletRequest http,
      @PathVariable("id") String idText,
      @RequestBody(required = false) byte[] body) {
    caller.require(Scope.WEBHOOKS_MANAGE);
    UUID id = Params.uuid("id", idText);
    Fields fields =
        Fields.of(JsonBodies.object(http, body))
            .allowOnly(Set.of("url", "events", "description", "status", "rateLimit"));
    URI url = url(fields, false);
    List<String> events = events(fields, false);
    String description = fields.optionalString("description", DESCRIPTION_MAX);
    String status = fields.optionalChoice("status", Set.of(Webhook.ACTIVE, Webhook.PAUSED));
    Long rate = fields.optionalLong("rateLimit", 1, settings.rateLimitMax());
    fields.done();
    if (url != null) {
      checkTarget(url);
    }
    Webhook changed =
        endpoints
            .change(
                caller.tenantId(),
                id,
                new Endpoints.Change(
                    url == null ? null : url.toString(),
                    events,
                    description,
                    status,
                    rate == null ? null : rate.intValue()),
                clock.instant())
            .orElseThrow(() -> WebhookProblems.notFound(id));
    return view(changed);
  }

  @DeleteMapping("/v1/webhooks/{id}")
  public ResponseEntity<Void> delete(CallerIdentity caller, @PathVariable("id") String idText) {
    caller.require(Scope.WEBHOOKS_MANAGE);
    UUID id = Params.uuid("id", idText);
    if (!endpoints.delete(caller.tenantId(), id, clock.instant())) {
      throw WebhookProblems.notFound(id);
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/v1/webhooks/{id}/rotate-secret")
  public Map<String, Object> rotate(CallerIdentity caller, @PathVariable("id") String idText) {
    caller.require(Scope.WEBHOOKS_MANAGE);
    UUID id = Params.uuid("id", idText);
    Instant now = clock.instant();
    String secret = Signer.newSecret();
    Webhook rotated =
        endpoints
            .rotate(caller.tenantId(), id, secret, now, now.plus(ROTATION_OVERLAP))
            .orElseThrow(() -> WebhookProblems.notFound(id));
    Map<String, Object> view = view(rotated);
    view.put("secret", secret);
    return view;
  }

  @GetMapping("/v1/webhooks/{id}/deliveries")
  public Page<Map<String, Object>> deliveries(
      CallerIdentity caller,
      @PathVariable("id") String idText,
      @RequestParam(name = "cursor", required = false) String cursor,
      @RequestParam(name = "limit", required = false) String limit) {
    caller.require(Scope.WEBHOOKS_MANAGE);
    UUID id = Params.uuid("id", idText);
    int size = Params.limit(limit, settings.pageSizeDefault(), settings.pageSizeMax());
    Long before = Cursors.decodeNumber(ATTEMPTS, cursor);
    endpoints.find(caller.tenantId(), id).orElseThrow(() -> WebhookProblems.notFound(id));
    return Page.of(
        endpoints.attempts(caller.tenantId(), id, before, size),
        size,
        WebhookController::attemptView,
        a -> Cursors.encode(ATTEMPTS, a.id()));
  }

  @PostMapping("/v1/webhooks/{id}/replay")
  public ResponseEntity<Map<String, Object>> replay(
      CallerIdentity caller,
      HttpServletRequest http,
      @PathVariable("id") String idText,
      @RequestBody(required = false) byte[] body) {
    caller.require(Scope.WEBHOOKS_MANAGE);
    UUID id = Params.uuid("id", idText);
    Fields fields =
        Fields.of(JsonBodies.object(http, body)).allowOnly(Set.of("from", "to", "afterSeq"));
    Instant now = clock.instant();
    boolean bySeq = fields.isGiven("afterSeq");
    Long afterSeq = fields.optionalLong("afterSeq", 0, Long.MAX_VALUE);
    String fromText = fields.optionalString("from", 64);
    String toText = fields.optionalString("to", 64);
    if (bySeq == (fromText != null)) {
      fields.fail("from", "give either from (and optionally to) or afterSeq");
    }
    if (bySeq && toText != null) {
      fields.fail("to", "is allowed only with from");
    }
    Instant from = time(fields, "from", fromText);
    Instant to = toText == null ? now : time(fields, "to", toText);
    if (from != null && from.isBefore(now.minus(settings.retention()))) {
      fields.fail(
          "from", "is older than the retention of " + settings.retention().toDays() + " days");
    }
    if (from != null && to != null && !to.isAfter(from)) {
      fields.fail("to", "must be after from");
    }
    fields.done();
    endpoints.find(caller.tenantId(), id).orElseThrow(() -> WebhookProblems.notFound(id));
    long after;
    long through;
    if (bySeq) {
      long[] head = feed.head(caller.tenantId());
      if (afterSeq < head[1]) {
        throw WebhookProblems.cursorExpired(head[1]);
      }
      after = afterSeq;
      through = head[0];
    } else {
      long[] range = feed.range(caller.tenantId(), from, to);
      after = range[0];
      through = range[1];
    }
    through = Math.max(after, through);
    UUID replay = ids.get();
    replays.request(replay, caller.tenantId(), id, after, through, now);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", replay.toString());
    answer.put("webhookId", id.toString());
    answer.put("afterSeq", after);
    answer.put("throughSeq", through);
    return ResponseEntity.accepted().body(answer);
  }

  private static Instant time(Fields fields, String name, String text) {
    if (text == null) {
      return null;
    }
    try {
      return Params.time(name, text);
    } catch (ProblemException e) {
      fields.fail(name, "must be a time such as 2026-12-02T10:00:00Z");
      return null;
    }
  }

  private URI url(Fields fields, boolean required) {
    String text =
        required
            ? fields.requiredString("url", TargetPolicy.URL_LENGTH_MAX)
            : fields.optionalString("url", TargetPolicy.URL_LENGTH_MAX);
    if (text == null) {
      return null;
    }
    try {
      return TargetPolicy.parse(text);
    } catch (TargetPolicy.Refused refused) {
      fields.fail("url", refused.getMessage());
      return null;
    }
  }

  private static List<String> events(Fields fields, boolean required) {
    JsonNode raw = fields.raw("events");
    if (raw == null || raw.isNull()) {
      if (required) {
        fields.fail("events", "is required");
      }
      return null;
    }
    if (!raw.isArray() || raw.isEmpty() || raw.size() > EventTypes.ALL.size()) {
      fields.fail("events", "must be a list of 1 to " + EventTypes.ALL.size() + " event types");
      return null;
    }
    Set<String> types = new LinkedHashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      JsonNode type = raw.get(i);
      if (!type.isString() || !EventTypes.ALL.contains(type.asString())) {
        fields.fail("events[" + i + "]", "must be one of " + String.join(", ", EventTypes.ALL));
      } else if (!types.add(type.asString())) {
        fields.fail("events[" + i + "]", "is listed twice");
      }
    }
    return new ArrayList<>(types);
  }

  private void checkTarget(URI url) {
    try {
      targets.check(url);
    } catch (TargetPolicy.Refused refused) {
      throw WebhookProblems.targetNotAllowed(refused.getMessage());
    }
  }

  private Map<String, Object> view(Webhook w) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", w.id().toString());
    view.put("url", w.url());
    view.put("events", w.events());
    view.put("description", w.description());
    view.put("status", w.status());
    if (w.disabledReason() != null) {
      view.put("disabledReason", w.disabledReason());
    }
    view.put("rateLimit", w.rateLimit());
    view.put("concurrencyLimit", settings.concurrencyPerEndpoint());
    if (w.failingSince() != null) {
      view.put("failingSince", Times.format(w.failingSince()));
    }
    if (w.previousSecretUntil() != null && w.previousSecretUntil().isAfter(clock.instant())) {
      view.put("previousSecretExpiresAt", Times.format(w.previousSecretUntil()));
    }
    if (targets.allowsPrivate() && targets.isPrivate(URI.create(w.url()))) {
      view.put(
          "notice",
          "The url is a private address, allowed only because the operator set"
              + " saldo.webhooks.allow-private-targets.");
    }
    view.put("createdAt", Times.format(w.createdAt()));
    view.put("updatedAt", Times.format(w.updatedAt()));
    return view;
  }

  private static Map<String, Object> attemptView(Endpoints.AttemptRow a) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("seq", a.seq());
    view.put("eventId", a.eventId() == null ? null : a.eventId().toString());
    view.put("eventType", a.eventType());
    view.put("attempt", a.attempt());
    view.put("succeeded", a.succeeded());
    view.put("statusCode", a.statusCode());
    view.put("latencyMs", a.latencyMillis());
    view.put("error", a.error());
    view.put("attemptedAt", Times.format(a.attemptedAt()));
    view.put("nextAttemptAt", a.nextAttemptAt() == null ? null : Times.format(a.nextAttemptAt()));
    return view;
  }
}
