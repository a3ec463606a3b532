package com.saldo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saldo.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves that a cursor decodes to the position it was made of, and that anything else, a crafted
 * cursor holding a time the database cannot store included, is a 400 and never reaches a query.
 */
class CursorsTest {

  private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");

  @Test
  void aCursorDecodesToItsPosition() {
    Instant time = Instant.parse("2026-11-28T10:15:30.123Z");
    assertThat(Cursors.decode("t", Cursors.encode("t", time.toEpochMilli(), ID)))
        .isEqualTo(new Cursors.Position(time, ID));
    assertThat(Cursors.decodeNumber("e", Cursors.encode("e", 42))).isEqualTo(42L);
    assertThat(Cursors.decode("t", null)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "t:9223372036854775807:00000000-0000-4000-8000-000000000001",
        "t:-9223372036854775808:00000000-0000-4000-8000-000000000001",
        "t:253402300800000:00000000-0000-4000-8000-000000000001",
        "t:-62135596800001:00000000-0000-4000-8000-000000000001",
        "t:1:not-a-uuid",
        "t:1e3:00000000-0000-4000-8000-000000000001",
        "x:1:00000000-0000-4000-8000-000000000001",
        "t:1:00000000-0000-4000-8000-000000000001:more",
      })
  void aCraftedCursorIsA400(String plain) {
    String cursor =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> Cursors.decode("t", cursor))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().code()).isEqualTo("validation_failed"));
  }

  @Test
  void theFirstAndLastMillisecondTheDatabaseStoresAreCursorsStill() {
    for (Instant time : new Instant[] {Params.TIME_MIN, Params.TIME_MAX}) {
      assertThat(Cursors.decode("t", Cursors.encode("t", time.toEpochMilli(), ID)).time())
          .isEqualTo(time);
    }
  }
}
