package com.saldo.backoffice.console;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A form body ({@code application/x-www-form-urlencoded}), read strictly: a malformed escape, bytes
 * that are not UTF-8, a repeated field or more than {@link #FIELDS_MAX} fields make it unreadable
 * (400), never a guess. The console reads its forms here because the services turn Spring's form
 * decoding off (the API takes JSON only).
 */
public final class Form {

  static final int FIELDS_MAX = 64;

  private final Map<String, String> fields;

  private Form(Map<String, String> fields) {
    this.fields = fields;
  }

  public static final Form EMPTY = new Form(Map.of());

  /** The fields of a body, or empty when it is not a well-formed form. */
  public static Optional<Form> parse(byte[] body) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body.length == 0) {
      return Optional.of(EMPTY);
    }
    String text = new String(body, StandardCharsets.ISO_8859_1);
    for (String pair : text.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      Optional<String> name = decode(eq < 0 ? pair : pair.substring(0, eq));
      Optional<String> value = decode(eq < 0 ? "" : pair.substring(eq + 1));
      if (name.isEmpty()
          || value.isEmpty()
          || fields.size() == FIELDS_MAX
          || fields.putIfAbsent(name.get(), value.get()) != null) {
        return Optional.empty();
      }
    }
    return Optional.of(new Form(Map.copyOf(fields)));
  }

  /** A field's value, stripped; null when absent or blank. */
  public String get(String name) {
    String value = fields.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Optional<String> decode(String encoded) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        if (i + 2 >= encoded.length()) {
          return Optional.empty();
        }
        int high = Character.digit(encoded.charAt(i + 1), 16);
        int low = Character.digit(encoded.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return Optional.empty();
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (c > 0x7f) {
        return Optional.empty();
      } else {
        bytes.write(c);
      }
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
