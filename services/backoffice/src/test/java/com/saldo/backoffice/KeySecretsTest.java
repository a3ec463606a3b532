package com.saldo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.backoffice.key.KeySecrets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Proves the API key format: its id part is found again, its secret is unique and only its hash
 * matches.
 */
class KeySecretsTest {

  @Test
  void theIdPartIsFoundAgain() {
    for (int i = 0; i < 100; i++) {
      UUID id = UUID.randomUUID();
      String key = KeySecrets.newKey(id);
      assertThat(key).startsWith("sk_").hasSize(3 + 32 + 1 + 43);
      assertThat(KeySecrets.idOf(key)).contains(id);
    }
  }

  @Test
  void secretsDifferAndOnlyTheSameKeyMatches() {
    UUID id = UUID.randomUUID();
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      keys.add(KeySecrets.newKey(id));
    }
    assertThat(keys).hasSize(1000);
    String key = KeySecrets.newKey(id);
    byte[] hash = KeySecrets.hash(key);
    assertThat(KeySecrets.matches(key, hash)).isTrue();
    char last = key.charAt(key.length() - 1);
    String oneCharOff = key.substring(0, key.length() - 1) + (last == 'A' ? 'B' : 'A');
    assertThat(KeySecrets.matches(oneCharOff, hash)).isFalse();
    assertThat(KeySecrets.matches(KeySecrets.newKey(id), hash)).isFalse();
  }

  @Test
  void otherStringsHaveNoId() {
    for (String other :
        new String[] {
          null,
          "",
          "sk_",
          "sk_op_abc",
          "sk_" + "g".repeat(32) + "_" + "a".repeat(43),
          "x".repeat(300)
        }) {
      assertThat(KeySecrets.idOf(other)).isEmpty();
    }
  }
}
