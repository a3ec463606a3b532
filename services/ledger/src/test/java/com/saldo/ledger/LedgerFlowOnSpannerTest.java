package com.saldo.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.jdbc.Database;
import com.saldo.jdbc.Dialect;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link LedgerFlowTest}, run on the Spanner emulator. */
@OnSpanner
class LedgerFlowOnSpannerTest extends LedgerFlowTest {

  @Autowired Database database;

  @Test
  void runsOnSpanner() {
    assertThat(database.dialect()).isEqualTo(Dialect.SPANNER);
  }
}
