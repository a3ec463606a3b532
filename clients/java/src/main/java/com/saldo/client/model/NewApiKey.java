package com.saldo.client.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A key to create.
 *
 * @param name what it is for
 * @param scopes what it may do
 * @param rateLimit its token bucket, or null for the default
 */
public record NewApiKey(String name, List<String> scopes, RateLimit rateLimit) {

  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("scopes", scopes);
    if (rateLimit != null) {
      body.put("rateLimit", Map.of("perSecond", rateLimit.perSecond(), "burst", rateLimit.burst()));
    }
    return body;
  }
}
