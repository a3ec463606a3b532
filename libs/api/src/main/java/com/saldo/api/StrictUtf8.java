package com.saldo.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly, as the API reads bodies and query strings: overlong forms ({@code C0
 * AF}), encoded surrogates and bytes that never occur in UTF-8 are refused, not replaced.
 */
public final class StrictUtf8 {

  private StrictUtf8() {}

  /** The text of the first {@code length} bytes, or null when they are not well-formed UTF-8. */
  public static String decode(byte[] bytes, int length) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, length))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
