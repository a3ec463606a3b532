package com.saldo.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A path with its query string: parameters that are null are left out, values are encoded. */
final class Query {

  private final StringBuilder text;
  private char separator = '?';

  private Query(String path) {
    this.text = new StringBuilder(path);
  }

  static Query of(String path, Object... segments) {
    Object[] encoded = new Object[segments.length];
    for (int i = 0; i < segments.length; i++) {
      encoded[i] = segment(segments[i]);
    }
    return new Query(encoded.length == 0 ? path : String.format(path, encoded));
  }

  private static String segment(Object value) {
    if (value == null) {
      throw new IllegalArgumentException("an id in the path is null");
    }
    return value instanceof UUID id
        ? id.toString()
        : URLEncoder.encode(value.toString(), StandardCharsets.UTF_8).replace("+", "%20");
  }

  Query param(String name, Object value) {
    if (value != null) {
      text.append(separator)
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
      separator = '&';
    }
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
