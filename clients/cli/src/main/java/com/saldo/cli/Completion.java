package com.saldo.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.AutoComplete;

/**
 * Writes the bash (and zsh, through bashcompinit) completion script of {@code saldo}, generated
 * from the commands themselves; the build runs it. Install with {@code source
 * clients/cli/target/saldo_completion.bash}.
 */
public final class Completion {

  private Completion() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: Completion FILE");
    }
    StringWriter sink = new StringWriter();
    PrintWriter none = new PrintWriter(sink);
    String script =
        AutoComplete.bash(
            "saldo", Cli.commandLine(new Cli(Map.of(), Path.of("."), none, none, false)));
    Path file = Path.of(args[0]);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, script);
  }
}
