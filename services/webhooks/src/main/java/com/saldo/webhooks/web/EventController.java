package com.saldo.webhooks.web;

import com.saldo.api.Params;
import com.saldo.api.Times;
import com.saldo.identity.CallerIdentity;
import com.saldo.identity.Scope;
import com.saldo.problem.ProblemException;
import com.saldo.webhooks.WebhooksSettings;
import com.saldo.webhooks.store.Feed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v1/events}: the tenant's events in commit order. A reader that passes the last seq it
 * saw as {@code after} never misses an event and never sees one twice; {@code nextCursor} is that
 * seq, present on every page, so that a reader can poll with it.
 */
@RestController
public class EventController {

  private static final Pattern SEQ = Pattern.compile("0|[1-9][0-9]{0,17}");

  private final Feed feed;
  private final WebhooksSettings settings;
  private final JsonMapper json;

  public EventController(Feed feed, WebhooksSettings settings, JsonMapper json) {
    this.feed = feed;
    this.settings = settings;
    this.json = json;
  }

  @GetMapping("/v1/events")
  public Map<String, Object> events(
      CallerIdentity caller,
      @RequestParam(name = "after", required = false) String after,
      @RequestParam(name = "subjectId", required = false) String subjectId,
      @RequestParam(name = "limit", required = false) String limit) {
    caller.require(Scope.TRANSFERS_READ);
    long from = after == null ? 0 : seq("after", after);
    UUID subject = Params.optionalUuid("subjectId", subjectId);
    int size = Params.limit(limit, settings.pageSizeDefault(), settings.pageSizeMax());
    Feed.Page page = feed.after(caller.tenantId(), subject, from, size);
    if (after != null && from < page.prunedThrough()) {
      throw WebhookProblems.cursorExpired(page.prunedThrough());
    }
    List<Map<String, Object>> data = new ArrayList<>(page.events().size());
    for (Feed.Event e : page.events()) {
      data.add(view(e));
    }
    long next =
        page.events().isEmpty()
            ? Math.max(from, page.prunedThrough())
            : page.events().getLast().seq();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("data", data);
    answer.put("nextCursor", Long.toString(next));
    return answer;
  }

  /**
   * {@code GET /v1/events/{seq}/deliveries}: the event's delivery to each subscribed endpoint, with
   * its last attempt. Another tenant's event is not found, as if it did not exist.
   */
  @GetMapping("/v1/events/{seq}/deliveries")
  public Map<String, Object> deliveries(CallerIdentity caller, @PathVariable("seq") String seq) {
    caller.require(Scope.WEBHOOKS_MANAGE);
    if (!SEQ.matcher(seq).matches()) {
      throw WebhookProblems.eventNotFound(seq);
    }
    List<Feed.EventDelivery> deliveries =
        feed.deliveries(caller.tenantId(), Long.parseLong(seq))
            .orElseThrow(() -> WebhookProblems.eventNotFound(seq));
    List<Map<String, Object>> data = new ArrayList<>(deliveries.size());
    for (Feed.EventDelivery d : deliveries) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("webhookId", d.endpointId().toString());
      view.put("url", d.url());
      view.put("status", d.status());
      view.put("attempts", d.attempts());
      view.put(
          "nextAttemptAt", d.status().equals("pending") ? Times.format(d.nextAttemptAt()) : null);
      view.put("lastStatusCode", d.lastStatusCode());
      view.put("lastAttemptAt", Times.format(d.lastAttemptAt()));
      view.put("lastError", d.lastError());
      data.add(view);
    }
    return Map.of("data", data);
  }

  private Map<String, Object> view(Feed.Event e) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("seq", e.seq());
    view.put("id", e.id().toString());
    view.put("type", e.type());
    view.put("createdAt", Times.format(e.createdAt()));
    view.put("data", json.readTree(e.data()));
    return view;
  }

  static long seq(String name, String value) {
    if (!SEQ.matcher(value).matches()) {
      throw ProblemException.invalid(name, "must be a sequence number: 0 or a positive integer");
    }
    return Long.parseLong(value);
  }
}
