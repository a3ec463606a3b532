package com.saldo.client.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A change to a webhook; what is null stays as it is.
 *
 * @param url a new target, or null
 * @param events the new event types, or null
 * @param description a new note, or null
 * @param status {@code active} (resume, or re-enable with the backlog) or {@code paused}, or null
 * @param rateLimit a new rate limit, or null
 */
public record WebhookChange(
    String url, List<String> events, String description, String status, Integer rateLimit) {

  public static WebhookChange pause() {
    return new WebhookChange(null, null, null, "paused", null);
  }

  public static WebhookChange resume() {
    return new WebhookChange(null, null, null, "active", null);
  }

  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    Json.putIfSet(body, "url", url);
    Json.putIfSet(body, "events", events);
    Json.putIfSet(body, "description", description);
    Json.putIfSet(body, "status", status);
    Json.putIfSet(body, "rateLimit", rateLimit);
    return body;
  }
}
