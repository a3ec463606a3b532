package com.saldo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saldo.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves that the gateway forwards a well-formed query string unchanged and answers 400 for a
 * malformed one, which before reached the backend request's URI parser and answered 500.
 */
class QueryStringsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "limit=10",
        "accountId=00000000-0000-4000-8000-000000000001&limit=5&cursor=dDox",
        "reference=POS-4711%2Freceipt-99",
        "externalRef=caf%C3%A9&x=%F0%9F%92%B6",
        "from=2026-11-28T10:15:30Z&to=2026-11-28T10:15:30.123%2B01:00",
        "a=b=c&&=&;",
        "q=~!$'()*+,;:@/?",
      })
  void aWellFormedQueryIsForwardedAsItIs(String query) {
    assertThat(QueryStrings.checked(query)).isEqualTo(query);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "limit=%%",
        "limit=%ZZ",
        "a%",
        "a=%4",
        "x=%u0041",
        "x=%E0%A4%A",
        "x=%E0%A4",
        "x=%C0%AF",
        "x=%ED%A0%80",
        "x=%FF",
        "x=a b",
        "x=\"",
        "x=<script>",
        "x={}",
        "x=|",
        "x=\\",
        "x=é",
      })
  void aMalformedQueryIsA400(String query) {
    assertThatThrownBy(() -> QueryStrings.checked(query))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.problem().errors().getFirst().field()).isEqualTo("query");
            });
  }

  @ParameterizedTest
  @ValueSource(ints = {QueryStrings.LENGTH_MAX + 1, 100_000})
  void aQueryPastTheLimitIsA400(int length) {
    assertThatThrownBy(() -> QueryStrings.checked("x=" + "a".repeat(length)))
        .isInstanceOf(ProblemException.class);
  }
}
