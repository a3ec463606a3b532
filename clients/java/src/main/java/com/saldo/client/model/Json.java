package com.saldo.client.model;

import java.util.Map;

/** How request records write their bodies: what was not set is left out. */
final class Json {

  private Json() {}

  static void putIfSet(Map<String, Object> body, String name, Object value) {
    if (value != null) {
      body.put(name, value);
    }
  }

  static void putBound(Map<String, Object> body, String name, Bound bound) {
    if (bound != null) {
      body.put(name, bound.limit());
    }
  }
}
