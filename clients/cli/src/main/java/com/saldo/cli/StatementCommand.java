package com.saldo.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "statement",
    description = "An account's CSV statement (opening balance, entries, closing balance).")
final class StatementCommand extends Base {

  @Parameters(paramLabel = "ACCOUNT")
  UUID account;

  @Option(names = "--from", description = "at or after (RFC 3339)")
  Instant from;

  @Option(names = "--to", description = "before (RFC 3339)")
  Instant to;

  @Override
  public Integer call() {
    try (InputStream csv = saldo().history().statement(account, from, to)) {
      OutputStream sink =
          new OutputStream() {
            @Override
            public void write(int b) {
              cli().out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
              cli().out.write(new String(b, off, len, StandardCharsets.UTF_8));
            }
          };
      csv.transferTo(sink);
      cli().out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("the statement broke off: " + e.getMessage(), e);
    }
    return 0;
  }
}
