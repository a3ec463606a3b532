package com.saldo.client.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A webhook to register.
 *
 * @param url a public {@code http(s)} URL
 * @param events the event types to receive
 * @param description a note, or null
 * @param rateLimit attempts per second at most, or null for the default (1,000)
 */
public record NewWebhook(String url, List<String> events, String description, Integer rateLimit) {

  public static NewWebhook of(String url, List<String> events) {
    return new NewWebhook(url, events, null, null);
  }

  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("url", url);
    body.put("events", events);
    Json.putIfSet(body, "description", description);
    Json.putIfSet(body, "rateLimit", rateLimit);
    return body;
  }
}
