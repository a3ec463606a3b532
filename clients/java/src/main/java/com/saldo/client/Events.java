package com.saldo.client;

import static com.saldo.client.Transport.Safety.IDEMPOTENT;

import com.saldo.client.model.Event;
import com.saldo.client.model.EventDelivery;
import com.saldo.client.model.Page;
import java.util.List;
import java.util.UUID;

/**
 * The tenant's event feed in commit order. A reader that keeps the last {@code seq} it handled and
 * asks for what comes after it never misses and never repeats an event.
 */
public final class Events {

  private final Transport transport;

  Events(Transport transport) {
    this.transport = transport;
  }

  /**
   * The events after {@code seq} (0 for the oldest kept). The page's {@code nextCursor} is the seq
   * to ask after next, also when the page is empty. Behind the retention this throws {@link
   * com.saldo.client.error.CursorExpiredException}.
   */
  @Endpoint("GET /v1/events")
  public Page<Event> after(long seq, Integer limit) {
    String path = Query.of("/v1/events").param("after", seq).param("limit", limit).toString();
    return Pages.read(transport.tree("GET", path, null, IDEMPOTENT), Event.class);
  }

  /**
   * The events about one transfer or account after {@code seq} (0: from the oldest kept). ({@code
   * GET /v1/events?subjectId=})
   */
  public Page<Event> about(UUID subject, long seq, Integer limit) {
    String path =
        Query.of("/v1/events")
            .param("subjectId", subject)
            .param("after", seq)
            .param("limit", limit)
            .toString();
    return Pages.read(transport.tree("GET", path, null, IDEMPOTENT), Event.class);
  }

  /**
   * The event's delivery to each webhook subscribed to it, with the last attempt; {@link
   * com.saldo.client.error.EventNotFoundException} for a seq the tenant has no event of.
   */
  @Endpoint("GET /v1/events/{seq}/deliveries")
  public List<EventDelivery> deliveries(long seq) {
    String path = Query.of("/v1/events/%s/deliveries", seq).toString();
    return Pages.read(transport.tree("GET", path, null, IDEMPOTENT), EventDelivery.class).data();
  }
}
