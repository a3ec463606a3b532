package com.saldo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Proves the keyset condition every listing pages with: the plain bound on the time comes first,
 * where an index scan can use it, and the OR then keeps only the rows strictly after the position.
 */
class KeysetTest {

  @Test
  void aKeysetConditionLeadsWithTheBoundAnIndexScanCanUse() {
    assertThat(Keyset.condition("t.created_at", "t.id", true))
        .isEqualTo("t.created_at <= ? AND (t.created_at < ? OR (t.created_at = ? AND t.id < ?))");
    assertThat(Keyset.condition("created_at", "id", false))
        .isEqualTo("created_at >= ? AND (created_at > ? OR (created_at = ? AND id > ?))");
  }

  @Test
  void itsArgumentsAreTheTimeThreeTimesThenTheId() {
    UUID id = UUID.randomUUID();
    assertThat(Keyset.args("T", id)).containsExactly("T", "T", "T", id);
  }
}
