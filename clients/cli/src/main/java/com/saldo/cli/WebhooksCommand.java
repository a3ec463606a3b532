package com.saldo.cli;

import com.saldo.client.model.NewWebhook;
import com.saldo.client.model.WebhookChange;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "webhooks",
    description = "Webhooks (webhooks:manage): register, list, pause, resume, rotate, replay.",
    subcommands = {
      WebhooksCommand.Create.class,
      WebhooksCommand.ListWebhooks.class,
      WebhooksCommand.Get.class,
      WebhooksCommand.Pause.class,
      WebhooksCommand.Resume.class,
      WebhooksCommand.Delete.class,
      WebhooksCommand.Rotate.class,
      WebhooksCommand.Deliveries.class,
      WebhooksCommand.Replay.class
    })
final class WebhooksCommand {

  @Command(name = "create", description = "Register a URL; its signing secret is printed once.")
  static final class Create extends Base {
    @Parameters(paramLabel = "URL")
    String url;

    @Option(
        names = "--events",
        required = true,
        split = ",",
        description = "such as transfer.posted,account.updated")
    List<String> events;

    @Option(names = "--description")
    String description;

    @Option(names = "--rate", description = "attempts per second at most")
    Integer rate;

    @Override
    public Integer call() {
      show(saldo().webhooks().create(new NewWebhook(url, events, description, rate)));
      if (!cli().json) {
        note("The secret is shown only now: give it to the receiver.");
      }
      return 0;
    }
  }

  @Command(name = "list", description = "List webhooks.")
  static final class ListWebhooks extends Base {
    @Mixin Paging paging;

    @Override
    public Integer call() {
      page(
          saldo().webhooks().list(paging.cursor, paging.limit),
          List.of("id", "status", "url", "events"),
          w -> List.of(w.id(), w.status(), w.url(), String.join(",", w.events())));
      return 0;
    }
  }

  @Command(name = "get", description = "Show a webhook with its pending deliveries.")
  static final class Get extends Base {
    @Parameters(paramLabel = "WEBHOOK")
    UUID id;

    @Override
    public Integer call() {
      show(saldo().webhooks().get(id));
      return 0;
    }
  }

  @Command(name = "pause", description = "Hold deliveries back until resumed.")
  static final class Pause extends Base {
    @Parameters(paramLabel = "WEBHOOK")
    UUID id;

    @Override
    public Integer call() {
      show(saldo().webhooks().update(id, WebhookChange.pause()));
      return 0;
    }
  }

  @Command(name = "resume", description = "Resume, or re-enable a disabled one with its backlog.")
  static final class Resume extends Base {
    @Parameters(paramLabel = "WEBHOOK")
    UUID id;

    @Override
    public Integer call() {
      show(saldo().webhooks().update(id, WebhookChange.resume()));
      return 0;
    }
  }

  @Command(name = "delete", description = "Delete a webhook.")
  static final class Delete extends Base {
    @Parameters(paramLabel = "WEBHOOK")
    UUID id;

    @Override
    public Integer call() {
      saldo().webhooks().delete(id);
      note("deleted " + id);
      return 0;
    }
  }

  @Command(name = "rotate-secret", description = "A new secret; the old one signs for 24 h more.")
  static final class Rotate extends Base {
    @Parameters(paramLabel = "WEBHOOK")
    UUID id;

    @Override
    public Integer call() {
      show(saldo().webhooks().rotateSecret(id));
      return 0;
    }
  }

  @Command(name = "deliveries", description = "Delivery attempts, newest first.")
  static final class Deliveries extends Base {
    @Parameters(paramLabel = "WEBHOOK")
    UUID id;

    @Mixin Paging paging;

    @Override
    public Integer call() {
      page(
          saldo().webhooks().deliveries(id, paging.cursor, paging.limit),
          List.of("seq", "eventType", "attempt", "ok", "status", "ms", "error", "attemptedAt"),
          a ->
              List.of(
                  a.seq(),
                  a.eventType(),
                  a.attempt(),
                  a.succeeded(),
                  a.statusCode() == null ? "" : a.statusCode(),
                  a.latencyMs(),
                  a.error() == null ? "" : a.error(),
                  a.attemptedAt()));
      return 0;
    }
  }

  @Command(name = "replay", description = "Deliver a range of the feed again.")
  static final class Replay extends Base {
    @Parameters(paramLabel = "WEBHOOK")
    UUID id;

    @ArgGroup(multiplicity = "1")
    Range range;

    static final class Range {
      @Option(names = "--after-seq", description = "the events after this seq")
      Long afterSeq;

      @Option(names = "--from", description = "the events since this time (RFC 3339)")
      Instant from;
    }

    @Option(names = "--to", description = "with --from: until this time")
    Instant to;

    @Override
    public Integer call() {
      show(
          range.afterSeq != null
              ? saldo().webhooks().replayAfter(id, range.afterSeq)
              : saldo().webhooks().replayBetween(id, range.from, to));
      return 0;
    }
  }
}
