package com.saldo.cli;

import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "holds",
    description = "Holds: reserve now, capture or void later.",
    subcommands = {
      HoldsCommand.Create.class,
      HoldsCommand.Capture.class,
      HoldsCommand.VoidHold.class
    })
final class HoldsCommand {

  @Command(name = "create", description = "Reserve an amount.")
  static final class Create extends TransfersCommand.Make {
    @Option(names = "--timeout", description = "seconds until it voids itself (default 7 days)")
    Integer timeout;

    @Override
    public Integer call() {
      show(saldo().transfers().create(transfer().asHold(timeout)));
      return 0;
    }
  }

  @Command(name = "capture", description = "Capture a hold: all of it, or --amount.")
  static final class Capture extends Base {
    @Parameters(paramLabel = "HOLD")
    UUID id;

    @Option(names = "--amount")
    Long amount;

    @Override
    public Integer call() {
      show(saldo().transfers().capture(id, amount));
      return 0;
    }
  }

  @Command(name = "void", description = "Release a hold.")
  static final class VoidHold extends Base {
    @Parameters(paramLabel = "HOLD")
    UUID id;

    @Override
    public Integer call() {
      show(saldo().transfers().voidHold(id));
      return 0;
    }
  }
}
