package com.saldo.cli;

import com.saldo.client.Saldo;
import com.saldo.client.error.ConnectionFailedException;
import com.saldo.client.error.ProblemException;
import com.saldo.client.error.SaldoException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code saldo} command line. Configuration comes from the environment ({@code SALDO_URL},
 * {@code SALDO_API_KEY}, {@code SALDO_PROFILE}) or a profile in {@code
 * ~/.config/saldo/profiles.toml}; a key is never an option, so it never lands in shell history.
 */
@Command(
    name = "saldo",
    mixinStandardHelpOptions = true,
    version = "saldo 0.1.0",
    description = "Work with a running Saldo: tenants, keys, accounts, transfers, history, events.",
    subcommands = {
      TenantsCommand.class,
      KeysCommand.class,
      AccountsCommand.class,
      TransfersCommand.class,
      HoldsCommand.class,
      EntriesCommand.class,
      StatementCommand.class,
      EventsCommand.class,
      WebhooksCommand.class,
      VerifyCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:a check failed (verify found differences, an import found bad rows)",
      "2:wrong usage or configuration",
      "3:Saldo refused the request (4xx: insufficient_funds, validation_failed, ...)",
      "4:not found (404)",
      "5:not signed in or not allowed (401, 403)",
      "6:Saldo could not be reached or is unavailable (connection, 5xx): try again"
    })
public final class Cli {

  static final int CHECK_FAILED = 1;
  static final int USAGE = 2;
  static final int REFUSED = 3;
  static final int NOT_FOUND = 4;
  static final int NOT_ALLOWED = 5;
  static final int UNAVAILABLE = 6;

  @Option(
      names = "--profile",
      scope = ScopeType.INHERIT,
      description = "the profile of ~/.config/saldo/profiles.toml to use (SALDO_PROFILE)")
  String profile;

  @Option(
      names = "--url",
      scope = ScopeType.INHERIT,
      description = "the gateway's URL (SALDO_URL; default http://localhost:8080)")
  String url;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "print JSON (one document, or one line per item) instead of a table")
  boolean json;

  final Map<String, String> env;
  final Path home;
  final PrintWriter out;
  final PrintWriter err;
  final boolean terminal;
  private Saldo saldo;

  Cli(Map<String, String> env, Path home, PrintWriter out, PrintWriter err, boolean terminal) {
    this.env = env;
    this.home = home;
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code =
        run(
            args,
            System.getenv(),
            Path.of(System.getProperty("user.home")),
            out,
            err,
            System.console() != null);
    out.flush();
    System.exit(code);
  }

  /** Runs one command line; answers its exit code. */
  public static int run(
      String[] args,
      Map<String, String> env,
      Path home,
      PrintWriter out,
      PrintWriter err,
      boolean terminal) {
    return commandLine(new Cli(env, home, out, err, terminal)).execute(args);
  }

  static CommandLine commandLine(Cli cli) {
    CommandLine line = new CommandLine(cli);
    line.setOut(cli.out);
    line.setErr(cli.err);
    line.setExecutionExceptionHandler(
        (e, commandLine, parsed) -> {
          cli.err.println("saldo: " + describe(e));
          cli.err.flush();
          return exitCode(e);
        });
    return line;
  }

  /** The client, made once from the configuration. */
  Saldo saldo() {
    if (saldo == null) {
      Config config = Config.load(env, home, profile, url);
      saldo = Saldo.builder().baseUrl(config.url()).apiKey(config.apiKey()).build();
    }
    return saldo;
  }

  static String describe(Exception e) {
    if (e instanceof ProblemException p) {
      StringBuilder text = new StringBuilder(p.getMessage());
      for (var error : p.problem().errors()) {
        text.append(System.lineSeparator())
            .append("  ")
            .append(error.field())
            .append(": ")
            .append(error.message());
      }
      return text.toString();
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  static int exitCode(Exception e) {
    if (e instanceof Config.ConfigException || e instanceof IllegalArgumentException) {
      return USAGE;
    }
    if (e instanceof ConnectionFailedException) {
      return UNAVAILABLE;
    }
    if (e instanceof SaldoException s) {
      int status = s.status();
      if (status == 404) {
        return NOT_FOUND;
      }
      if (status == 401 || status == 403) {
        return NOT_ALLOWED;
      }
      return status >= 500 ? UNAVAILABLE : REFUSED;
    }
    return UNAVAILABLE;
  }
}
