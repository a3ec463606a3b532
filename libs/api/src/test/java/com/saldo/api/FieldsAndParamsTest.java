package com.saldo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saldo.problem.ProblemException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Proves the edges of request reading: what metadata may hold, which times and limits are taken,
 * and that every refusal is a 400 problem, never an exception that would become a 500.
 */
class FieldsAndParamsTest {

  private static ObjectNode json(String text) {
    return (ObjectNode) JsonBodies.mapper().readTree(text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"m":{"b":1,"a":[true,null,"x"]}}   | {"a":[true,null,"x"],"b":1}
          {"m":{"big":1e308}}                  | {"big":1.0E308}
          {"m":{}}                             | {}
          {}                                   | {}
          """)
  void metadataIsKeptInCanonicalForm(String body, String canonical) {
    Fields fields = Fields.of(json(body));
    assertThat(fields.metadata("m", 4096, 32)).isEqualTo(canonical);
    assertThat(fields.hasErrors()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"m\":{\"k\":1e999999}}",
        "{\"m\":{\"k\":-1e999999}}",
        "{\"m\":{\"k\":\"a\\u0000b\"}}",
        "{\"m\":{\"k\":\"\\ud800\"}}",
        "{\"m\":[1]}",
        "{\"m\":\"text\"}"
      })
  void unstorableMetadataIsRefused(String body) {
    Fields fields = Fields.of(json(body));
    fields.metadata("m", 4096, 32);
    assertThatThrownBy(fields::done)
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(400));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-999999999-01-01T00:00:00Z",
        "+999999999-12-31T23:59:59Z",
        "0000-12-31T23:59:59Z",
        "10000-01-01T00:00:00Z",
        "yesterday",
        "2026-11-28",
        ""
      })
  void timesOutsideTheYearsOneToNineThousandNineHundredNinetyNineAreRefused(String value) {
    assertThatThrownBy(() -> Params.time("asOf", value))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().code()).isEqualTo("validation_failed"));
  }

  @ParameterizedTest
  @CsvSource({"0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "2026-11-28T10:15:30.123+01:00"})
  void timesWithinTheRangeAreTaken(String value) {
    assertThat(Params.time("asOf", value)).isBetween(Params.TIME_MIN, Params.TIME_MAX);
    assertThat(Params.time("asOf", null)).isNull();
    assertThat(Instant.parse("2026-11-28T09:15:30.123Z"))
        .isEqualTo(Params.time("t", "2026-11-28T10:15:30.123+01:00"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "1001", "abc", "99999999999999999999", "1.5", ""})
  void limitsOutsideTheRangeAreRefused(String value) {
    assertThatThrownBy(() -> Params.limit(value, 100, 1000)).isInstanceOf(ProblemException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "application/json, true",
    "application/json; charset=utf-8, true",
    "application/merge-patch+json, true",
    "application/json; charset=latin1, false",
    "text/plain, false",
    "application/xml, false"
  })
  void onlyJsonInUtf8IsJson(String contentType, boolean json) {
    assertThat(JsonBodies.isJson(contentType)).isEqualTo(json);
  }
}
