package com.saldo.client;

import com.saldo.client.model.Page;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/** Reading pages, and walking them: a stream that fetches the next page when it needs it. */
final class Pages {

  private Pages() {}

  static <T> Page<T> read(Transport.Reply<JsonNode> reply, Class<T> type) {
    List<T> items = new ArrayList<>();
    for (JsonNode item : reply.body().path("data")) {
      items.add(Transport.JSON.treeToValue(item, type));
    }
    JsonNode next = reply.body().get("nextCursor");
    return new Page<>(
        items,
        next == null || next.isNull() ? null : next.asString(),
        Transport.consistentAsOf(reply.headers()));
  }

  /** Every item from the first page on; {@code fetch} takes a cursor (null first). */
  static <T> Stream<T> walk(Function<String, Page<T>> fetch) {
    Iterator<T> items =
        new Iterator<>() {
          private Page<T> page = fetch.apply(null);
          private int index;

          @Override
          public boolean hasNext() {
            while (index == page.data().size()) {
              if (page.last()) {
                return false;
              }
              page = fetch.apply(page.nextCursor());
              index = 0;
            }
            return true;
          }

          @Override
          public T next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return page.data().get(index++);
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }
}
