package com.saldo.api;

import com.saldo.problem.Problem;
import com.saldo.problem.ProblemException;
import com.saldo.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads request bodies strictly: JSON only, UTF-8 only, no duplicate keys, bounded nesting and
 * number lengths, and an object at the top. Anything else is a 4xx problem, never a 5xx.
 */
public final class JsonBodies {

  static final int NESTING_DEPTH_MAX = 32;
  static final int NUMBER_LENGTH_MAX = 64;

  private static final JsonMapper STRICT =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(NESTING_DEPTH_MAX)
                          .maxNumberLength(NUMBER_LENGTH_MAX)
                          .maxStringLength(1 << 20)
                          .build())
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .build();

  private JsonBodies() {}

  /** The mapper that reads bodies, also the one that writes canonical JSON. */
  public static JsonMapper mapper() {
    return STRICT;
  }

  public static ObjectNode object(HttpServletRequest request, byte[] body) {
    requireJson(request);
    if (body == null || body.length == 0) {
      throw malformed("The request body is empty; a JSON object is expected.");
    }
    JsonNode node;
    try {
      node = STRICT.readTree(utf8(body));
    } catch (JacksonException e) {
      throw malformed("The request body is not valid JSON: " + firstLine(e.getOriginalMessage()));
    }
    if (!(node instanceof ObjectNode object)) {
      throw malformed("The request body must be a JSON object.");
    }
    return object;
  }

  /**
   * The body as text, decoded as strict UTF-8: overlong forms ({@code C0 AF}), encoded surrogates
   * and bytes that never occur in UTF-8 (a UTF-16 byte-order mark) are refused. The parser gets the
   * text, not the bytes, because given bytes it guesses the encoding and would read UTF-16 or
   * UTF-32 too.
   */
  private static String utf8(byte[] body) {
    String text = StrictUtf8.decode(body, body.length);
    if (text == null) {
      throw malformed("The request body is not valid UTF-8.");
    }
    return text;
  }

  private static void requireJson(HttpServletRequest request) {
    String type = request.getContentType();
    if (type == null || !isJson(type)) {
      throw ProblemException.of(
          415,
          Problems.UNSUPPORTED_MEDIA_TYPE,
          "Unsupported media type",
          "Send the body as application/json in UTF-8.");
    }
  }

  static boolean isJson(String contentType) {
    String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
    String media = parts[0].strip();
    boolean json =
        media.equals("application/json") || media.matches("application/[a-z0-9.+-]+\\+json");
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip().replace("\"", "");
      if (parameter.startsWith("charset=") && !parameter.equals("charset=utf-8")) {
        return false;
      }
    }
    return json;
  }

  private static ProblemException malformed(String detail) {
    return new ProblemException(
        Problem.of(400, Problems.MALFORMED_JSON, "Malformed JSON", detail, List.of()));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable input";
    }
    int end = message.indexOf('\n');
    String line = end < 0 ? message : message.substring(0, end);
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
