package com.saldo.ledger.transfer.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A table's columns for the statements that write its rows; each column is declared once, with its
 * name, the element type of its array, the type it is cast to on the way in (when the array cannot
 * carry it: {@code timestamptz} and {@code jsonb} travel as text) and how a row gives its value.
 * The statements' SQL and their parameters both come from that one declaration, so they cannot
 * drift apart.
 *
 * <p>On PostgreSQL a statement's rows travel as arrays, one array per column, expanded with {@code
 * unnest} ({@link #insert}, {@link #update}, {@link #delete}). On Spanner each row is a mutation
 * applied with the commit, built from the same columns ({@link #forEachValue}, {@link #key}).
 */
final class ArrayColumns<T> {

  private record Column<T>(String name, String type, String cast, Function<? super T, ?> value) {}

  private final List<Column<T>> columns;
  private final String ordinality;

  private ArrayColumns(List<Column<T>> columns, String ordinality) {
    this.columns = List.copyOf(columns);
    this.ordinality = ordinality;
  }

  static <T> ArrayColumns<T> of() {
    return new ArrayColumns<>(List.of(), null);
  }

  /** A column whose array has the column's own type. */
  ArrayColumns<T> column(String name, String type, Function<? super T, ?> value) {
    return column(name, type, null, value);
  }

  /** A column whose array carries {@code type}, cast to {@code cast} on the way in. */
  ArrayColumns<T> column(String name, String type, String cast, Function<? super T, ?> value) {
    List<Column<T>> more = new ArrayList<>(columns);
    more.add(new Column<>(name, type, cast, value));
    return new ArrayColumns<>(more, ordinality);
  }

  /** One more column that numbers the rows from 1 in the order they were given. */
  ArrayColumns<T> ordinality(String name) {
    return new ArrayColumns<>(columns, name);
  }

  /** {@code INSERT INTO table (...) SELECT ... FROM unnest(...)}. */
  String insert(String table) {
    List<String> names = new ArrayList<>(columns.stream().map(Column::name).toList());
    List<String> values = new ArrayList<>(columns.stream().map(ArrayColumns::value).toList());
    if (ordinality != null) {
      names.add(ordinality);
      values.add("u." + ordinality);
    }
    return "INSERT INTO %s (%s) SELECT %s FROM %s"
        .formatted(table, String.join(", ", names), String.join(", ", values), unnest());
  }

  /** {@code UPDATE table}: the first {@code keys} columns find the row, the others are set. */
  String update(String table, int keys) {
    String set =
        columns.stream()
            .skip(keys)
            .map(c -> c.name() + " = " + value(c))
            .collect(Collectors.joining(", "));
    return "UPDATE %s t SET %s FROM %s WHERE %s".formatted(table, set, unnest(), match(keys));
  }

  /** {@code DELETE}: every column is part of the key. */
  String delete(String table) {
    return "DELETE FROM %s t USING %s WHERE %s".formatted(table, unnest(), match(columns.size()));
  }

  /** The same columns with one of them under another name (a table whose key is named apart). */
  ArrayColumns<T> renamed(String from, String to) {
    List<Column<T>> renamed = new ArrayList<>();
    for (Column<T> c : columns) {
      renamed.add(c.name().equals(from) ? new Column<T>(to, c.type(), c.cast(), c.value()) : c);
    }
    return new ArrayColumns<>(renamed, ordinality);
  }

  /**
   * Where {@link #forEachValue} hands a row's values: each column's name, the type its value
   * travels as, the type it is cast to (or null) and the value.
   */
  @FunctionalInterface
  interface ValueSink {
    void accept(String name, String type, String cast, Object value);
  }

  /** One row's values, column by column, then its ordinal under the ordinality column's name. */
  void forEachValue(T row, long ordinal, ValueSink sink) {
    for (Column<T> c : columns) {
      sink.accept(c.name(), c.type(), c.cast(), c.value().apply(row));
    }
    if (ordinality != null) {
      sink.accept(ordinality, "int8", null, ordinal);
    }
  }

  /** The first {@code keys} values of a row: the key of its table. */
  Object[] key(T row, int keys) {
    Object[] key = new Object[keys];
    for (int c = 0; c < keys; c++) {
      key[c] = text(columns.get(c).value().apply(row));
    }
    return key;
  }

  private static Object text(Object value) {
    return value instanceof java.util.UUID id ? id.toString() : value;
  }

  /** The element types of the arrays, in parameter order. */
  String[] types() {
    return columns.stream().map(Column::type).toArray(String[]::new);
  }

  /** The rows' values, one array per column, in parameter order. */
  Object[][] values(List<? extends T> rows) {
    Object[][] values = new Object[columns.size()][rows.size()];
    for (int c = 0; c < columns.size(); c++) {
      Function<? super T, ?> value = columns.get(c).value();
      for (int r = 0; r < rows.size(); r++) {
        values[c][r] = value.apply(rows.get(r));
      }
    }
    return values;
  }

  private String unnest() {
    String arrays =
        columns.stream().map(c -> "?::" + c.type() + "[]").collect(Collectors.joining(", "));
    String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
    return ordinality == null
        ? "unnest(%s) AS u(%s)".formatted(arrays, names)
        : "unnest(%s) WITH ORDINALITY AS u(%s, %s)".formatted(arrays, names, ordinality);
  }

  private String match(int keys) {
    return columns.stream()
        .limit(keys)
        .map(c -> "t." + c.name() + " = u." + c.name())
        .collect(Collectors.joining(" AND "));
  }

  private static String value(Column<?> c) {
    return c.cast() == null ? "u." + c.name() : "u." + c.name() + "::" + c.cast();
  }
}
