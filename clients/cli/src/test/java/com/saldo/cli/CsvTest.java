package com.saldo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void fieldsSplitOnCommasAndQuotedFieldsKeepThemAndTheirQuotes() throws Exception {
    assertThat(Csv.fields("a,b,,d")).containsExactly("a", "b", "", "d");
    assertThat(Csv.fields("\"x, y\",\"say \"\"hi\"\"\",z"))
        .containsExactly("x, y", "say \"hi\"", "z");
    assertThat(Csv.fields("")).containsExactly("");
    assertThat(Csv.fields("a,")).containsExactly("a", "");
  }

  @Test
  void brokenQuotingIsRefusedWithWhere() {
    assertThatThrownBy(() -> Csv.fields("\"open,b")).hasMessageContaining("not closed");
    assertThatThrownBy(() -> Csv.fields("\"a\"b,c")).hasMessageContaining("after a quoted field");
    assertThatThrownBy(() -> Csv.fields("a\"b")).hasMessageContaining("inside an unquoted");
  }

  @Test
  void linesEndInLfOrCrLfAndALineHasALimit() throws Exception {
    BufferedReader in = new BufferedReader(new StringReader("a,b\r\nc\nlast"));
    assertThat(Csv.line(in)).isEqualTo("a,b");
    assertThat(Csv.line(in)).isEqualTo("c");
    assertThat(Csv.line(in)).isEqualTo("last");
    assertThat(Csv.line(in)).isNull();
    BufferedReader huge = new BufferedReader(new StringReader("x".repeat(Csv.LINE_MAX + 1)));
    assertThatThrownBy(() -> Csv.line(huge)).hasMessageContaining("longer than");
  }

  @Test
  void writtenFieldsReadBackTheSame() throws Exception {
    List<Object> values = List.of("plain", "with,comma", "with \"quote\"", 42, "");
    assertThat(Csv.fields(Csv.row(values.toArray())))
        .containsExactly("plain", "with,comma", "with \"quote\"", "42", "");
  }

  @Test
  void theImportHeaderNamesKnownColumnsOnceAndTheRequiredOnes() throws Exception {
    assertThat(ImportCommand.header("externalRef,currency,openingBalance,maxBalance"))
        .containsEntry("maxBalance", 3);
    assertThatThrownBy(() -> ImportCommand.header("externalRef,currency"))
        .hasMessageContaining("lacks the column openingBalance");
    assertThatThrownBy(() -> ImportCommand.header("externalRef,currency,openingBalance,colour"))
        .hasMessageContaining("unknown column 'colour'");
    assertThatThrownBy(() -> ImportCommand.header("externalRef,currency,currency,openingBalance"))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> ImportCommand.header(null)).hasMessageContaining("empty");
  }

  @Test
  void aRowIsCheckedFieldByField() throws Exception {
    var columns = ImportCommand.header("externalRef,currency,openingBalance,minBalance");
    var row = ImportCommand.row(2, List.of("card-1", "EUR", "", "none"), columns);
    assertThat(row.opening()).isZero();
    assertThat(row.min().limit()).isNull();
    for (List<String> bad :
        List.of(
            List.of("", "EUR", "1", ""),
            List.of("c", "eur", "1", ""),
            List.of("c", "EUR", "-1", ""),
            List.of("c", "EUR", "1.5", ""),
            List.of("c", "EUR", "1000000000000001", ""),
            List.of("c", "EUR", "1", "lots"),
            List.of("c", "EUR", "1"))) {
      assertThatThrownBy(() -> ImportCommand.row(3, bad, columns))
          .as(bad.toString())
          .isInstanceOf(ImportCommand.BadRow.class);
    }
  }
}
