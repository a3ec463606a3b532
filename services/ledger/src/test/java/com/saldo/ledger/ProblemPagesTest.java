package com.saldo.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.ledger.account.AccountRejection;
import com.saldo.ledger.transfer.Rejection;
import com.saldo.problem.Problems;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Proves that every problem code the ledger can answer has its page in docs/problems. */
class ProblemPagesTest {

  @Test
  void everyCodeHasAPage() throws IllegalAccessException {
    List<String> codes = new ArrayList<>();
    for (Rejection r : Rejection.values()) {
      codes.add(r.code());
    }
    for (AccountRejection r : AccountRejection.values()) {
      codes.add(r.name().toLowerCase(Locale.ROOT));
    }
    for (Field field : Problems.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        codes.add((String) field.get(null));
      }
    }
    Path pages = Path.of("../../docs/problems");
    for (String code : codes) {
      assertThat(pages.resolve(code + ".md")).as("page of %s", code).exists();
      assertThat(Files.exists(pages.resolve("README.md"))).isTrue();
    }
  }
}
