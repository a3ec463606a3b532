package com.saldo.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as RFC 4180 writes it, a line at a time: fields separated by commas, a field in double quotes
 * may hold commas and doubled quotes. A record spans one line (a line break inside quotes is
 * refused), and a line is at most {@link #LINE_MAX} characters.
 */
final class Csv {

  static final int LINE_MAX = 64 * 1024;

  /** A line that is not CSV. */
  static final class CsvException extends Exception {
    private static final long serialVersionUID = 1L;

    CsvException(String message) {
      super(message);
    }
  }

  private Csv() {}

  /** The next line of {@code in}, or null at the end; longer than the limit is an error. */
  static String line(BufferedReader in) throws IOException, CsvException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != -1; c = in.read()) {
      if (c == '\n') {
        return strip(line);
      }
      if (line.length() == LINE_MAX) {
        throw new CsvException("the line is longer than " + LINE_MAX + " characters");
      }
      line.append((char) c);
    }
    return line.isEmpty() ? null : strip(line);
  }

  private static String strip(StringBuilder line) {
    int end = line.length();
    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
  }

  static List<String> fields(String line) throws CsvException {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    while (true) {
      if (i < line.length() && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= line.length()) {
            throw new CsvException("a quoted field is not closed");
          }
          char c = line.charAt(i++);
          if (c == '"') {
            if (i < line.length() && line.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(c);
          }
        }
        if (i < line.length() && line.charAt(i) != ',') {
          throw new CsvException("text after a quoted field at column " + (i + 1));
        }
      } else {
        while (i < line.length() && line.charAt(i) != ',') {
          char c = line.charAt(i++);
          if (c == '"') {
            throw new CsvException("a quote inside an unquoted field at column " + i);
          }
          field.append(c);
        }
      }
      fields.add(field.toString());
      field.setLength(0);
      if (i >= line.length()) {
        return fields;
      }
      i++; // the comma
    }
  }

  /** One field as CSV: quoted when it holds a comma, a quote or a line break. */
  static String field(Object value) {
    String text = value == null ? "" : value.toString();
    if (text.indexOf(',') < 0
        && text.indexOf('"') < 0
        && text.indexOf('\n') < 0
        && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }

  static String row(Object... values) {
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        row.append(',');
      }
      row.append(field(values[i]));
    }
    return row.toString();
  }
}
