package com.saldo.cli;

import com.saldo.client.Saldo;
import com.saldo.client.Transfers;
import com.saldo.client.error.ProblemException;
import com.saldo.client.model.Account;
import com.saldo.client.model.BatchResult;
import com.saldo.client.model.Bound;
import com.saldo.client.model.NewAccount;
import com.saldo.client.model.NewTransfer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "import",
    description = "Bulk imports from CSV.",
    subcommands = {ImportCommand.Accounts.class})
final class ImportCommand {

  /** One valid row of the file. */
  record Row(long line, String externalRef, String currency, long opening, Bound min, Bound max) {}

  @Command(
      name = "accounts",
      description = {
        "Open accounts with their opening balances from a CSV file with a header:",
        "  externalRef,currency,openingBalance[,minBalance][,maxBalance]",
        "(amounts in minor units, a bound 'none' for unbounded, empty for the default).",
        "The whole file is checked first: a bad row is reported with its line and nothing is"
            + " imported. Ids are derived from the funding account and each externalRef, so a"
            + " re-run (after an interruption, say) skips what is already there and doubles"
            + " nothing."
      })
  static final class Accounts extends Base {

    static final int ROWS_MAX = 10_000_000;
    private static final int ERRORS_SHOWN = 100;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(
        names = "--funding",
        required = true,
        description = "the account the opening balances come from (top_up transfers)")
    UUID funding;

    @Option(names = "--parallel", defaultValue = "32", description = "accounts opened at once")
    int parallel;

    @Option(names = "--batch", defaultValue = "1000", description = "transfers per batch")
    int batch;

    @Override
    public Integer call() throws Exception {
      if (parallel < 1 || parallel > 256 || batch < 1 || batch > Transfers.BATCH_MAX) {
        throw new IllegalArgumentException(
            "--parallel is 1 to 256 and --batch 1 to " + Transfers.BATCH_MAX);
      }
      Saldo saldo = saldo();
      Account fund = saldo.accounts().get(funding);
      List<String> errors = new ArrayList<>();
      long[] counted = check(fund, errors);
      if (!errors.isEmpty()) {
        for (String e : errors.subList(0, Math.min(errors.size(), ERRORS_SHOWN))) {
          cli().err.println(file + ":" + e);
        }
        if (errors.size() > ERRORS_SHOWN) {
          cli().err.println("... and " + (errors.size() - ERRORS_SHOWN) + " more");
        }
        note(errors.size() + " bad row(s): nothing was imported");
        return Cli.CHECK_FAILED;
      }
      Progress progress = new Progress(cli().err, cli().terminal, "accounts", counted[0]);
      List<String> failures = new ArrayList<>();
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        Map<String, Integer> columns = header(Csv.line(in));
        List<Row> chunk = new ArrayList<>(batch);
        long lineNumber = 1;
        for (String line = Csv.line(in); line != null; line = Csv.line(in)) {
          lineNumber++;
          if (line.isBlank()) {
            continue;
          }
          chunk.add(row(lineNumber, Csv.fields(line), columns));
          if (chunk.size() == batch) {
            importChunk(saldo, pool, chunk, failures, progress);
            chunk.clear();
          }
        }
        if (!chunk.isEmpty()) {
          importChunk(saldo, pool, chunk, failures, progress);
        }
      } catch (Csv.CsvException | BadRow e) {
        throw new IllegalStateException(
            "the file changed while it was imported: " + e.getMessage());
      }
      progress.finish();
      failures.forEach(f -> cli().err.println(file + ":" + f));
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("rows", counted[0]);
      summary.put("openingBalances", counted[1]);
      summary.put("failed", failures.size());
      summary.put("rowsPerSecond", Math.round(progress.rate()));
      if (cli().json) {
        show(summary);
      } else {
        cli()
            .out
            .printf(
                Locale.ROOT,
                "imported %,d accounts (%,d opening balances) at %,.0f rows/s; %d failed%n",
                counted[0] - failures.size(),
                counted[1],
                progress.rate(),
                failures.size());
        cli().out.flush();
      }
      return failures.isEmpty() ? 0 : Cli.CHECK_FAILED;
    }

    /** The first pass: every row checked; answers {rows, opening balances}. */
    private long[] check(Account fund, List<String> errors) throws IOException {
      long rows = 0;
      long openings = 0;
      long sum = 0;
      Set<String> refs = new HashSet<>();
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        Map<String, Integer> columns;
        try {
          columns = header(Csv.line(in));
        } catch (Csv.CsvException | BadRow e) {
          errors.add("1: " + e.getMessage());
          return new long[] {0, 0};
        }
        long lineNumber = 1;
        while (true) {
          String line;
          try {
            line = Csv.line(in);
          } catch (Csv.CsvException e) {
            errors.add((lineNumber + 1) + ": " + e.getMessage());
            break;
          }
          if (line == null) {
            break;
          }
          lineNumber++;
          if (line.isBlank()) {
            continue;
          }
          if (++rows > ROWS_MAX) {
            errors.add(lineNumber + ": more than " + ROWS_MAX + " rows; split the file");
            break;
          }
          try {
            Row row = row(lineNumber, Csv.fields(line), columns);
            if (!refs.add(row.externalRef())) {
              throw new BadRow("externalRef " + row.externalRef() + " appears twice in the file");
            }
            if (row.opening() > 0) {
              if (!row.currency().equals(fund.currency())) {
                throw new BadRow(
                    "currency "
                        + row.currency()
                        + " differs from the funding account's "
                        + fund.currency());
              }
              openings++;
              sum = Math.addExact(sum, row.opening());
            }
          } catch (Csv.CsvException | BadRow | ArithmeticException e) {
            errors.add(lineNumber + ": " + e.getMessage());
          }
        }
      }
      if (errors.isEmpty() && fund.minBalance() != null) {
        long room = fund.balance().available() - fund.minBalance();
        if (room < sum) {
          errors.add(
              "1: the funding account can give "
                  + room
                  + " but the opening balances sum to "
                  + sum
                  + "; give it room first (or no minBalance)");
        }
      }
      return new long[] {rows, openings};
    }

    private void importChunk(
        Saldo saldo,
        ExecutorService pool,
        List<Row> chunk,
        List<String> failures,
        Progress progress)
        throws InterruptedException {
      Semaphore inFlight = new Semaphore(parallel);
      List<Future<String>> opened = new ArrayList<>(chunk.size());
      for (Row row : chunk) {
        inFlight.acquire();
        opened.add(
            pool.submit(
                () -> {
                  try {
                    saldo.accounts().create(account(row));
                    return null;
                  } catch (ProblemException e) {
                    return row.line() + ": " + e.getMessage();
                  } finally {
                    inFlight.release();
                  }
                }));
      }
      List<NewTransfer> openings = new ArrayList<>();
      List<Row> opening = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        String failure;
        try {
          failure = opened.get(i).get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        Row row = chunk.get(i);
        if (failure != null) {
          failures.add(failure);
        } else if (row.opening() > 0) {
          openings.add(
              NewTransfer.topUp(funding, accountId(row), row.opening(), row.currency())
                  .withId(id("opening", row.externalRef()))
                  .withReference("import:" + row.externalRef()));
          opening.add(row);
        }
      }
      if (!openings.isEmpty()) {
        List<BatchResult> results = saldo.transfers().batch(openings, false);
        for (int i = 0; i < results.size(); i++) {
          BatchResult result = results.get(i);
          if (!result.ok()) {
            failures.add(
                opening.get(i).line()
                    + ": opening balance refused: "
                    + result.error().code()
                    + (result.error().detail() == null ? "" : ": " + result.error().detail()));
          }
        }
      }
      progress.advance(chunk.size());
    }

    private NewAccount account(Row row) {
      return NewAccount.of(row.currency())
          .withId(accountId(row))
          .withExternalRef(row.externalRef())
          .withMinBalance(row.min())
          .withMaxBalance(row.max());
    }

    private UUID accountId(Row row) {
      return id("account", row.externalRef());
    }

    /** The same id for the same row of an import into the same funding account, every run. */
    private UUID id(String what, String externalRef) {
      return UUID.nameUUIDFromBytes(
          ("saldo-import/" + funding + "/" + what + "/" + externalRef)
              .getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A row that cannot be imported. */
  static final class BadRow extends Exception {
    private static final long serialVersionUID = 1L;

    BadRow(String message) {
      super(message);
    }
  }

  static Map<String, Integer> header(String line) throws Csv.CsvException, BadRow {
    if (line == null) {
      throw new BadRow("the file is empty; it needs a header");
    }
    Map<String, Integer> columns = new LinkedHashMap<>();
    List<String> names = Csv.fields(line.startsWith("\uFEFF") ? line.substring(1) : line);
    Set<String> known =
        Set.of("externalRef", "currency", "openingBalance", "minBalance", "maxBalance");
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).strip();
      if (!known.contains(name)) {
        throw new BadRow("unknown column '" + name + "'; the columns are " + known);
      }
      if (columns.put(name, i) != null) {
        throw new BadRow("the column " + name + " appears twice");
      }
    }
    for (String required : List.of("externalRef", "currency", "openingBalance")) {
      if (!columns.containsKey(required)) {
        throw new BadRow("the header lacks the column " + required);
      }
    }
    return columns;
  }

  static Row row(long line, List<String> fields, Map<String, Integer> columns) throws BadRow {
    if (fields.size() != columns.size()) {
      throw new BadRow(fields.size() + " fields where the header has " + columns.size());
    }
    String ref = fields.get(columns.get("externalRef")).strip();
    if (ref.isEmpty() || ref.length() > 256) {
      throw new BadRow("externalRef must be 1 to 256 characters");
    }
    String currency = fields.get(columns.get("currency")).strip();
    if (!currency.matches("[A-Z]{3}")) {
      throw new BadRow("currency must be an ISO 4217 code such as EUR, not '" + currency + "'");
    }
    long opening = amount("openingBalance", fields.get(columns.get("openingBalance")), true);
    return new Row(
        line,
        ref,
        currency,
        opening,
        bound("minBalance", fields, columns),
        bound("maxBalance", fields, columns));
  }

  private static long amount(String column, String text, boolean emptyIsZero) throws BadRow {
    String value = text.strip();
    if (value.isEmpty() && emptyIsZero) {
      return 0;
    }
    try {
      long amount = Long.parseLong(value);
      if (amount < 0 || amount > com.saldo.money.Amount.MAX) {
        throw new BadRow(column + " must be 0 to 10^15 minor units");
      }
      return amount;
    } catch (NumberFormatException e) {
      throw new BadRow(column + " must be a whole number of minor units, not '" + value + "'");
    }
  }

  private static Bound bound(String column, List<String> fields, Map<String, Integer> columns)
      throws BadRow {
    Integer at = columns.get(column);
    if (at == null || fields.get(at).isBlank()) {
      return null;
    }
    String value = fields.get(at).strip();
    if (value.equals("none")) {
      return Bound.none();
    }
    try {
      return Bound.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new BadRow(column + " must be minor units or 'none', not '" + value + "'");
    }
  }
}
