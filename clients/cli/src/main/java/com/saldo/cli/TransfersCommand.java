package com.saldo.cli;

import com.saldo.client.model.NewTransfer;
import com.saldo.client.model.Transfer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "transfers",
    description = "Transfers: make, show, list, refund.",
    subcommands = {
      TransfersCommand.Create.class,
      TransfersCommand.Get.class,
      TransfersCommand.ListTransfers.class,
      TransfersCommand.Refund.class
    })
final class TransfersCommand {

  static final List<String> COLUMNS =
      List.of("id", "kind", "status", "amount", "currency", "from", "to", "reference", "createdAt");

  static List<Object> row(Transfer t) {
    return List.of(
        t.id(),
        t.kind(),
        t.status(),
        t.amount(),
        t.currency(),
        t.debitAccountId(),
        t.creditAccountId(),
        t.reference() == null ? "" : t.reference(),
        t.createdAt());
  }

  /** What every new transfer is given on the command line. */
  abstract static class Make extends Base {
    @Option(names = "--from", required = true, description = "the debit account")
    UUID from;

    @Option(names = "--to", required = true, description = "the credit account")
    UUID to;

    @Option(names = "--amount", required = true, description = "minor units (cents)")
    long amount;

    @Option(names = "--currency", required = true)
    String currency;

    @Option(
        names = "--kind",
        defaultValue = "transfer",
        description = "payment, top_up, transfer or adjustment")
    String kind;

    @Option(names = "--reference")
    String reference;

    @Option(
        names = "--id",
        description =
            "the idempotency key: the same id again applies nothing twice (made if absent)")
    UUID id;

    NewTransfer transfer() {
      return NewTransfer.of(kind, from, to, amount, currency).withId(id).withReference(reference);
    }
  }

  @Command(name = "create", description = "Make a transfer.")
  static final class Create extends Make {
    @Override
    public Integer call() {
      show(saldo().transfers().create(transfer()));
      return 0;
    }
  }

  @Command(name = "get", description = "Show a transfer.")
  static final class Get extends Base {
    @Parameters(paramLabel = "TRANSFER")
    UUID id;

    @Override
    public Integer call() {
      show(saldo().transfers().get(id));
      return 0;
    }
  }

  @Command(name = "list", description = "List transfers, newest first.")
  static final class ListTransfers extends Base {
    @Option(names = "--account")
    UUID account;

    @Option(names = "--reference")
    String reference;

    @Option(names = "--from", description = "created at or after (RFC 3339)")
    Instant from;

    @Option(names = "--to", description = "created before (RFC 3339)")
    Instant to;

    @Mixin Paging paging;

    @Override
    public Integer call() {
      page(
          saldo().transfers().list(account, reference, from, to, paging.cursor, paging.limit),
          COLUMNS,
          TransfersCommand::row);
      return 0;
    }
  }

  @Command(name = "refund", description = "Refund (part of) a transfer.")
  static final class Refund extends Base {
    @Parameters(paramLabel = "TRANSFER")
    UUID original;

    @Option(names = "--amount", description = "minor units (default: all that is left)")
    Long amount;

    @Option(names = "--reference")
    String reference;

    @Option(names = "--id", description = "the refund's idempotency key (made if absent)")
    UUID id;

    @Override
    public Integer call() {
      Transfer t = saldo().transfers().get(original);
      long moved = t.capturedAmount() != null ? t.capturedAmount() : t.amount();
      long left = moved - (t.refundedAmount() == null ? 0 : t.refundedAmount());
      NewTransfer refund =
          NewTransfer.refund(t, amount == null ? left : amount).withId(id).withReference(reference);
      show(saldo().transfers().create(refund));
      return 0;
    }
  }
}
