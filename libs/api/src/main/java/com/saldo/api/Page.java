package com.saldo.api;

import java.util.List;

/** A page of a list as the API answers it: the items and the cursor of the next page, or null. */
public record Page<T>(List<T> data, String nextCursor) {

  /** The page of {@code items}; a full page ({@code limit} items) gets the next cursor. */
  public static <T, V> Page<V> of(
      List<T> items,
      int limit,
      java.util.function.Function<T, V> view,
      java.util.function.Function<T, String> cursorOf) {
    String next =
        items.size() == limit && !items.isEmpty() ? cursorOf.apply(items.getLast()) : null;
    return new Page<>(items.stream().map(view).toList(), next);
  }
}
