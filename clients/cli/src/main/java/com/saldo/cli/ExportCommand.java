package com.saldo.cli;

import com.saldo.client.model.Entry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "export",
    description =
        "Exports to CSV, streamed a page at a time. The file appears only when complete (it is"
            + " written beside it and renamed), so a broken export leaves no half file.",
    subcommands = {ExportCommand.Entries.class, ExportCommand.Statement.class})
final class ExportCommand {

  abstract static class ToFile extends Base {
    @Parameters(index = "0", paramLabel = "ACCOUNT")
    UUID account;

    @Option(
        names = {"-o", "--out"},
        required = true,
        description = "the CSV file to write")
    Path out;

    @Option(names = "--from", description = "at or after (RFC 3339)")
    Instant from;

    @Option(names = "--to", description = "before (RFC 3339)")
    Instant to;

    abstract long write(OutputStream sink, Progress progress) throws IOException;

    @Override
    public Integer call() throws IOException {
      Path absolute = out.toAbsolutePath();
      Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
      Progress progress = new Progress(cli().err, cli().terminal, "lines", 0);
      long lines;
      try (OutputStream sink = Files.newOutputStream(partial)) {
        lines = write(sink, progress);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(partial);
        throw e;
      }
      Files.move(
          partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      progress.finish();
      cli().out.printf(Locale.ROOT, "wrote %,d lines to %s%n", lines, out);
      cli().out.flush();
      return 0;
    }
  }

  @Command(name = "entries", description = "An account's entries, newest first.")
  static final class Entries extends ToFile {
    @Override
    long write(OutputStream sink, Progress progress) throws IOException {
      BufferedWriter csv =
          new BufferedWriter(new java.io.OutputStreamWriter(sink, StandardCharsets.UTF_8));
      csv.write("createdAt,transferId,amount,balanceAfter,kind,reference\n");
      long lines = 0;
      try (Stream<Entry> entries = saldo().history().stream(account, from, to)) {
        Iterator<Entry> it = entries.iterator();
        while (it.hasNext()) {
          Entry e = it.next();
          csv.write(
              Csv.row(
                      e.createdAt(),
                      e.transferId(),
                      e.amount(),
                      e.balanceAfter(),
                      e.kind(),
                      e.reference())
                  + "\n");
          lines++;
          progress.advance(1);
        }
      }
      csv.flush();
      return lines;
    }
  }

  @Command(
      name = "statement",
      description = "An account's statement as the query service writes it.")
  static final class Statement extends ToFile {
    @Override
    long write(OutputStream sink, Progress progress) throws IOException {
      long lines = 0;
      byte[] buffer = new byte[64 * 1024];
      try (InputStream in = saldo().history().statement(account, from, to)) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          sink.write(buffer, 0, n);
          long newlines = 0;
          for (int i = 0; i < n; i++) {
            if (buffer[i] == '\n') {
              newlines++;
            }
          }
          lines += newlines;
          progress.advance(newlines);
        }
      }
      return lines;
    }
  }
}
