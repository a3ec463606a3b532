package com.saldo.webhooks.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every problem the webhooks service answers has its page in docs/problems and a row in its index.
 */
class ProblemPagesTest {

  @Test
  void everyCodeHasAPageAndAnIndexRow() throws IOException {
    Path pages = Path.of("../../docs/problems");
    String index = Files.readString(pages.resolve("README.md"));
    for (WebhookProblems.Code code : WebhookProblems.Code.values()) {
      Path page = pages.resolve(code.wire() + ".md");
      assertThat(page).as("page of %s", code.wire()).exists();
      assertThat(Files.readString(page))
          .startsWith("# `" + code.wire() + "` (" + code.status() + ")");
      assertThat(index)
          .contains("| [`" + code.wire() + "`](" + code.wire() + ".md) | " + code.status() + " |");
    }
  }
}
