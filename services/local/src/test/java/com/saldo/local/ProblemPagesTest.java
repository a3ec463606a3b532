package com.saldo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Proves that every problem code a service or library writes in its source, as a literal or as a
 * shared constant, has its page in docs/problems and its row in that folder's index. (The ledger's
 * rejection enums are checked by the ledger's own ProblemPagesTest.)
 */
class ProblemPagesTest {

  /**
   * A problem built with its status and a literal code: {@code Problem.of(422, "too_many_keys"}.
   */
  private static final Pattern LITERAL =
      Pattern.compile("(?:ProblemException|Problem)\\.of\\(\\s*\\d{3},\\s*\"([a-z_]+)\"");

  /** A shared code: {@code public static final String RATE_LIMITED = "rate_limited";}. */
  private static final Pattern CONSTANT =
      Pattern.compile("public static final String [A-Z_]+ = \"([a-z_]+)\";");

  @Test
  void everyCodeInTheSourceHasAPageAndARowInTheIndex() throws IOException {
    Path root = LauncherJdkTest.repositoryRoot();
    Set<String> codes = new TreeSet<>();
    for (String tree : new String[] {"services", "libs"}) {
      try (Stream<Path> files = Files.walk(root.resolve(tree))) {
        for (Path file :
            files
                .filter(f -> f.toString().endsWith(".java"))
                .filter(f -> f.toString().contains("/src/main/java/"))
                .toList()) {
          String source = Files.readString(file);
          collect(LITERAL.matcher(source), codes);
          if (file.getFileName().toString().equals("Problems.java")) {
            collect(CONSTANT.matcher(source), codes);
          }
        }
      }
    }
    assertThat(codes).contains("rate_limited", "too_many_keys", "malformed_json");
    Path pages = root.resolve("docs/problems");
    String index = Files.readString(pages.resolve("README.md"));
    for (String code : codes) {
      assertThat(pages.resolve(code + ".md")).as("the page of %s", code).exists();
      assertThat(index)
          .as("the index row of %s", code)
          .contains("[`" + code + "`](" + code + ".md)");
    }
  }

  private static void collect(Matcher matcher, Set<String> codes) {
    while (matcher.find()) {
      codes.add(matcher.group(1));
    }
  }
}
