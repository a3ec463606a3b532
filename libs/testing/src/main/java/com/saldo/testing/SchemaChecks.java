package com.saldo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The CHECK constraints of a service's migrations, for the test that keeps its PostgreSQL schema
 * ({@code db/migration}) and its Spanner schema ({@code db/spanner}) enforcing the same rules: the
 * two differ in types and layout on purpose, never in what a row may hold.
 */
public final class SchemaChecks {

  private SchemaChecks() {}

  /**
   * Every {@code CHECK (...)} expression in the {@code .sql} scripts of a class path folder, with
   * comments dropped and white space collapsed.
   */
  public static Set<String> in(String folder) {
    Set<String> checks = new TreeSet<>();
    try {
      for (Resource script :
          new PathMatchingResourcePatternResolver()
              .getResources("classpath:" + folder.replaceAll("/+$", "") + "/*.sql")) {
        checks.addAll(of(script.getContentAsString(StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return checks;
  }

  /** The CHECK expressions of one script. */
  static Set<String> of(String sql) {
    String text = sql.replaceAll("--[^\n]*", "");
    Set<String> checks = new TreeSet<>();
    int from = 0;
    java.util.regex.Matcher check =
        java.util.regex.Pattern.compile("\\bCHECK\\s*\\(").matcher(text);
    while (check.find(from)) {
      int start = check.end();
      int depth = 1;
      int at = start;
      while (depth > 0) {
        if (at >= text.length()) {
          throw new IllegalArgumentException("a CHECK without its closing parenthesis");
        }
        char c = text.charAt(at++);
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      }
      checks.add(String.join(" ", text.substring(start, at - 1).trim().split("\\s+")));
      from = at;
    }
    return checks;
  }
}
