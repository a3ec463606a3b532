package com.saldo.client.model;

import java.time.Instant;
import java.util.List;

/**
 * One page of a list.
 *
 * @param data the items, in the list's order
 * @param nextCursor what fetches the next page, or null on the last one
 * @param consistentAsOf for history reads, the {@code Saldo-Consistent-As-Of} time up to which the
 *     answer reflects every committed transfer; null where the answer is read from the primary
 * @param <T> the item type
 */
public record Page<T>(List<T> data, String nextCursor, Instant consistentAsOf) {

  public Page {
    data = List.copyOf(data);
  }

  public boolean last() {
    return nextCursor == null;
  }
}
