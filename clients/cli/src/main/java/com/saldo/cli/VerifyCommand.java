package com.saldo.cli;

import com.saldo.client.model.VerifyReport;
import picocli.CommandLine.Command;

@Command(
    name = "verify",
    description =
        "Check the whole ledger (an operator key): every account against its entries, double"
            + " entry, bounds, running balances, holds, refunds, the outbox. Exits 1 on any"
            + " difference.")
final class VerifyCommand extends Base {

  @Override
  public Integer call() {
    VerifyReport report = saldo().operator().verify();
    if (cli().json) {
      show(report);
    } else {
      cli().out.println(report.clean() ? "clean" : "DIFFERENCES FOUND");
      cli().out.println("counted: " + report.counted());
      if (!report.clean()) {
        cli().out.println(report.differences().toPrettyString());
      }
      cli().out.flush();
    }
    return report.clean() ? 0 : Cli.CHECK_FAILED;
  }
}
