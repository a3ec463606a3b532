package com.saldo.money;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Proves that money values refuse everything outside the API's ranges, at the exact edges. */
class MoneyTest {

  @ParameterizedTest
  @CsvSource({
    "0, false",
    "1, true",
    "1000000000000000, true",
    "1000000000000001, false",
    "-1, false",
    "-9223372036854775808, false"
  })
  void amountRange(long value, boolean valid) {
    assertThat(Amount.isValid(value)).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({
    "9007199254740991, true",
    "9007199254740992, false",
    "-9007199254740991, true",
    "-9007199254740992, false"
  })
  void balanceRange(long value, boolean valid) {
    assertThat(Balance.isValid(value)).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"EUR, true, 2", "JPY, true, 0", "eur, false, 0", "EURO, false, 0", "XYZ, false, 0"})
  void currencyCodes(String code, boolean valid, int digits) {
    assertThat(CurrencyCode.isValid(code)).isEqualTo(valid);
    if (valid) {
      assertThat(CurrencyCode.of(code).minorDigits()).isEqualTo(digits);
    }
  }
}
