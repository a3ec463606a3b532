package com.saldo.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.testing.SchemaChecks;
import org.junit.jupiter.api.Test;

/**
 * The service's PostgreSQL and Spanner schemas enforce the same rules: a CHECK added to one and not
 * to the other fails here, before the two drift apart.
 */
class SchemaParityTest {

  @Test
  void bothSchemasCheckTheSameRules() {
    assertThat(SchemaChecks.in("db/migration")).isNotEmpty();
    assertThat(SchemaChecks.in("db/spanner")).isEqualTo(SchemaChecks.in("db/migration"));
  }
}
