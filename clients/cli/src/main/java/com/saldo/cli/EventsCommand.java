package com.saldo.cli;

import com.saldo.client.model.Event;
import com.saldo.client.model.Page;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "events",
    description = "The tenant's event feed.",
    subcommands = {EventsCommand.Tail.class})
final class EventsCommand {

  @Command(
      name = "tail",
      description = "Print events after a seq as they come, in commit order; Ctrl-C stops.")
  static final class Tail extends Base {
    @Option(names = "--after", defaultValue = "0", description = "the last seq already seen")
    long after;

    @Option(names = "--count", description = "stop after this many events")
    Long count;

    @Option(names = "--no-follow", description = "stop at the end of the feed instead of waiting")
    boolean noFollow;

    @Option(names = "--poll", defaultValue = "PT0.5S", description = "how often to look (ISO-8601)")
    Duration poll;

    @Override
    public Integer call() throws InterruptedException {
      long seen = 0;
      long cursor = after;
      while (count == null || seen < count) {
        Page<Event> page = saldo().events().after(cursor, 500);
        List<Event> events = page.data();
        if (count != null && events.size() > count - seen) {
          events = events.subList(0, (int) (count - seen));
        }
        list(
            events,
            List.of("seq", "type", "createdAt", "id"),
            e -> List.of(e.seq(), e.type(), e.createdAt(), e.id()));
        seen += events.size();
        cursor = events.isEmpty() ? Long.parseLong(page.nextCursor()) : events.getLast().seq();
        if (page.data().isEmpty()) {
          if (noFollow) {
            break;
          }
          Thread.sleep(poll);
        }
      }
      return 0;
    }
  }
}
