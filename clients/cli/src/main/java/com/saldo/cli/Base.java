package com.saldo.cli;

import com.saldo.client.Saldo;
import com.saldo.client.model.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** What every command shares: the client, and output as a table or as JSON. */
abstract class Base implements Callable<Integer> {

  static final JsonMapper JSON =
      JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();
  private static final int CELL_MAX = 40;

  @Spec CommandSpec spec;

  Cli cli() {
    return (Cli) spec.root().userObject();
  }

  Saldo saldo() {
    return cli().saldo();
  }

  /** One resource: JSON, or a two-column table of its fields. */
  void show(Object value) {
    if (cli().json) {
      cli().out.println(JSON.writeValueAsString(value));
      return;
    }
    List<String[]> rows = new ArrayList<>();
    JSON.valueToTree(value)
        .properties()
        .forEach(
            e ->
                rows.add(
                    new String[] {
                      e.getKey(),
                      e.getValue().isValueNode() ? e.getValue().asString() : e.getValue().toString()
                    }));
    table(List.of("field", "value"), rows, false);
  }

  /** A list: one JSON line per item, or a table of the chosen columns. */
  <T> void list(List<T> items, List<String> columns, Function<T, List<Object>> cells) {
    if (cli().json) {
      for (T item : items) {
        cli().out.println(JSON.writeValueAsString(item));
      }
      return;
    }
    List<String[]> rows = new ArrayList<>();
    for (T item : items) {
      rows.add(cells.apply(item).stream().map(Base::cell).toArray(String[]::new));
    }
    table(columns, rows, true);
  }

  /** One page of a list, and where the next one starts when there is one. */
  <T> void page(Page<T> page, List<String> columns, Function<T, List<Object>> cells) {
    list(page.data(), columns, cells);
    if (!page.last()) {
      note("more: --cursor " + page.nextCursor());
    }
  }

  private static String cell(Object value) {
    String text = value == null ? "" : value.toString();
    return text.length() > CELL_MAX ? text.substring(0, CELL_MAX - 1) + "…" : text;
  }

  private void table(List<String> header, List<String[]> rows, boolean withHeader) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = withHeader ? header.get(i).length() : 0;
    }
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    if (withHeader) {
      line(
          header.stream().map(h -> h.toUpperCase(java.util.Locale.ROOT)).toArray(String[]::new),
          widths);
    }
    for (String[] row : rows) {
      line(row, widths);
    }
    cli().out.flush();
  }

  private void line(String[] cells, int[] widths) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      text.append(cells[i]);
      if (i < cells.length - 1) {
        text.append(" ".repeat(widths[i] - cells[i].length() + 2));
      }
    }
    cli().out.println(text.toString().stripTrailing());
  }

  /** A note for a person, on stderr, so that stdout stays the data. */
  void note(String text) {
    cli().err.println(text);
    cli().err.flush();
  }
}
