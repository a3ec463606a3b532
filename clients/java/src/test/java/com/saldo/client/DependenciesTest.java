package com.saldo.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The client needs the JDK and Jackson, nothing else, so that it fits into any POS backend. */
class DependenciesTest {

  @Test
  void theClientImportsOnlyTheJdkJacksonAndItself() throws IOException {
    List<String> foreign;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      foreign =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .flatMap(DependenciesTest::imports)
              .filter(
                  i ->
                      !i.startsWith("java.")
                          && !i.startsWith("javax.crypto.")
                          && !i.startsWith("tools.jackson.")
                          && !i.startsWith("com.saldo.client."))
              .toList();
    }
    assertThat(foreign).isEmpty();
  }

  private static Stream<String> imports(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .filter(l -> l.startsWith("import "))
          .map(l -> l.replace("import static ", "").replace("import ", "").replace(";", ""));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
