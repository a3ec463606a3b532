package com.saldo.cli;

import com.saldo.client.model.Entry;
import com.saldo.client.model.Page;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "entries", description = "An account's history, newest first.")
final class EntriesCommand extends Base {

  @Parameters(paramLabel = "ACCOUNT")
  UUID account;

  @Option(names = "--from", description = "at or after (RFC 3339)")
  Instant from;

  @Option(names = "--to", description = "before (RFC 3339)")
  Instant to;

  @Mixin Paging paging;

  @Override
  public Integer call() {
    Page<Entry> page = saldo().history().entries(account, from, to, paging.cursor, paging.limit);
    page(
        page,
        List.of("createdAt", "amount", "balanceAfter", "kind", "reference", "transferId"),
        e ->
            List.of(
                e.createdAt(),
                e.amount(),
                e.balanceAfter(),
                e.kind(),
                e.reference() == null ? "" : e.reference(),
                e.transferId()));
    if (page.consistentAsOf() != null && !cli().json) {
      note("current as of " + page.consistentAsOf());
    }
    return 0;
  }
}
