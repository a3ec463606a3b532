package com.saldo.client.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A change to an account; what is null stays as it is. A change that changes nothing answers the
 * account as it was and does not raise its version, so sending it twice is harmless.
 *
 * @param status {@code active}, {@code frozen} or {@code closed}, or null
 * @param minBalance the new lower bound, or null
 * @param maxBalance the new upper bound, or null
 * @param metadata the new metadata (replacing the old), or null
 */
public record AccountChange(
    String status, Bound minBalance, Bound maxBalance, Map<String, Object> metadata) {

  public static AccountChange freeze() {
    return status("frozen");
  }

  public static AccountChange unfreeze() {
    return status("active");
  }

  public static AccountChange close() {
    return status("closed");
  }

  public static AccountChange status(String status) {
    return new AccountChange(status, null, null, null);
  }

  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    Json.putIfSet(body, "status", status);
    Json.putBound(body, "minBalance", minBalance);
    Json.putBound(body, "maxBalance", maxBalance);
    Json.putIfSet(body, "metadata", metadata);
    return body;
  }
}
