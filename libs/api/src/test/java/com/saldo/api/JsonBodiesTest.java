package com.saldo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saldo.problem.ProblemException;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Proves that a body is read as strict UTF-8 JSON: well-formed text of any script is taken, while
 * overlong forms, encoded surrogates, byte-order marks and UTF-16 or UTF-32 text are a 400 {@code
 * malformed_json}, as the API says bodies are UTF-8 only.
 */
class JsonBodiesTest {

  private static final MockHttpServletRequest JSON = new MockHttpServletRequest();

  static {
    JSON.setContentType("application/json");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "7b2261223a2263616665227d", // {"a":"cafe"}
        "7b2261223a22636166c3a9227d", // {"a":"café"}
        "7b2261223a22f09f92b6227d", // {"a":"💶"}
      })
  void wellFormedUtf8IsTaken(String hex) {
    assertThat(JsonBodies.object(JSON, HexFormat.of().parseHex(hex)).get("a").isString()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "7b2261223a22c0af227d", // overlong "/"
        "7b2261223a22e080af227d", // overlong "/" in three bytes
        "7b2261223a22eda080227d", // an encoded surrogate
        "7b2261223a22ff227d", // a byte that is never UTF-8
        "feff007b002200610022003a0031007d", // UTF-16BE with its byte-order mark
        "fffe7b002200610022003a0031007d00", // UTF-16LE with its byte-order mark
        "7b002200610022003a0031007d00", // UTF-16LE without one
        "0000007b00000022000000610000002200", // UTF-32BE
        "efbbbf7b2261223a317d", // a UTF-8 byte-order mark
      })
  void anythingElseIsMalformedJson(String hex) {
    assertThatThrownBy(() -> JsonBodies.object(JSON, HexFormat.of().parseHex(hex)))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.problem().code()).isEqualTo("malformed_json");
            });
  }
}
