package com.saldo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's {@code /v1/openapi.json}, read from the source tree, as a judge of answers: an
 * answer to a documented operation must have a documented status and validate against the schema
 * the document gives for that status. {@link Http} asks it about every answer it receives, so that
 * every test that talks to the API also checks the document.
 *
 * <p>It knows the part of JSON Schema the document uses: {@code type} (one or a list), {@code
 * properties}, {@code required}, {@code additionalProperties: false}, {@code items}, {@code enum},
 * {@code $ref}, {@code format} uuid and date-time, {@code minimum}, {@code maximum}, {@code
 * maxLength}, {@code pattern}, {@code minItems}, {@code maxItems}, {@code maxProperties}.
 */
public final class OpenApi {

  private static final String LOCATION = "services/gateway/src/main/resources/openapi.json";
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
  private static final OpenApi FOUND = find();

  private final JsonNode document;
  private final List<Template> templates = new ArrayList<>();

  private record Template(Pattern pattern, String path) {}

  private OpenApi(JsonNode document) {
    this.document = document;
    for (String path : document.get("paths").propertyNames()) {
      String regex = Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
      templates.add(new Template(Pattern.compile(regex), path));
    }
  }

  /** The document of this checkout, or null when the tests run outside one. */
  public static OpenApi document() {
    return FOUND;
  }

  private static OpenApi find() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path file = dir.resolve(LOCATION);
      if (Files.isRegularFile(file)) {
        try {
          return new OpenApi(JsonMapper.builder().build().readTree(Files.readAllBytes(file)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return null;
  }

  /**
   * What is wrong with an answer by the document: empty when it is right, or when the document does
   * not describe the operation (another path, a method the path lacks: those are the services' own
   * 404 and 405, not the contract's).
   */
  public List<String> check(
      String method, String pathAndQuery, int status, String type, String body) {
    String path = pathAndQuery.split("\\?", 2)[0];
    JsonNode operation = operation(method, path);
    List<String> wrong = new ArrayList<>();
    if (operation == null || status == 503 || status == 500) {
      return wrong; // 503 and 500 may come from anywhere (overload, a database down, a bug)
    }
    String where = method + " " + path + " " + status;
    JsonNode response = operation.path("responses").get(Integer.toString(status));
    if (response == null) {
      wrong.add(where + ": the status is not documented for the operation");
      return wrong;
    }
    JsonNode content = response.get("content");
    if (content == null || body == null || body.isEmpty()) {
      return wrong;
    }
    String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    JsonNode schema = content.path(media).get("schema");
    if (!content.has(media)) {
      wrong.add(where + ": " + media + " where the document gives " + content.propertyNames());
      return wrong;
    }
    if (schema == null || !media.endsWith("json")) {
      return wrong;
    }
    JsonNode json;
    try {
      json = JsonMapper.builder().build().readTree(body);
    } catch (RuntimeException e) {
      wrong.add(where + ": the body is not JSON");
      return wrong;
    }
    validate(json, schema, "$", wrong, where);
    return wrong;
  }

  private JsonNode operation(String method, String path) {
    for (Template t : templates) {
      if (t.pattern().matcher(path).matches()) {
        JsonNode op = document.get("paths").get(t.path()).get(method.toLowerCase(Locale.ROOT));
        if (op != null) {
          return op;
        }
      }
    }
    return null;
  }

  private void validate(
      JsonNode value, JsonNode schema, String at, List<String> wrong, String where) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asString();
      validate(value, document.at(ref.substring(1)), at, wrong, where);
      return;
    }
    if (schema.has("enum")) {
      boolean listed = false;
      for (JsonNode option : schema.get("enum")) {
        listed |= option.equals(value);
      }
      if (!listed) {
        wrong.add(where + ": " + at + " = " + value + " is not one of " + schema.get("enum"));
      }
    }
    JsonNode type = schema.get("type");
    if (type != null && !typeMatches(value, type)) {
      wrong.add(where + ": " + at + " = " + abbreviate(value) + " is not of type " + type);
      return;
    }
    if (value.isString()) {
      String text = value.asString();
      String format = schema.path("format").asString("");
      if (format.equals("uuid") && !uuid(text)) {
        wrong.add(where + ": " + at + " = " + text + " is not a uuid");
      }
      if (format.equals("date-time") && !DATE_TIME.matcher(text).matches()) {
        wrong.add(where + ": " + at + " = " + text + " is not an RFC 3339 time");
      }
      if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()) {
        wrong.add(where + ": " + at + " is longer than " + schema.get("maxLength"));
      }
      if (schema.has("pattern")
          && !Pattern.compile(schema.get("pattern").asString()).matcher(text).find()) {
        wrong.add(where + ": " + at + " = " + text + " does not match " + schema.get("pattern"));
      }
    }
    if (value.isNumber()) {
      if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
        wrong.add(where + ": " + at + " = " + value + " is below " + schema.get("minimum"));
      }
      if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
        wrong.add(where + ": " + at + " = " + value + " is above " + schema.get("maximum"));
      }
    }
    if (value.isArray()) {
      if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
        wrong.add(where + ": " + at + " has fewer than " + schema.get("minItems") + " items");
      }
      if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
        wrong.add(where + ": " + at + " has more than " + schema.get("maxItems") + " items");
      }
      JsonNode items = schema.get("items");
      if (items != null) {
        for (int i = 0; i < value.size(); i++) {
          validate(value.get(i), items, at + "[" + i + "]", wrong, where);
        }
      }
    }
    if (value.isObject()) {
      for (JsonNode required : schema.path("required")) {
        if (!value.has(required.asString())) {
          wrong.add(where + ": " + at + " lacks " + required.asString());
        }
      }
      JsonNode properties = schema.path("properties");
      if (schema.has("maxProperties") && value.size() > schema.get("maxProperties").asInt()) {
        wrong.add(where + ": " + at + " has more than " + schema.get("maxProperties") + " members");
      }
      boolean closed =
          schema.path("additionalProperties").isBoolean()
              && !schema.get("additionalProperties").asBoolean();
      for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        JsonNode property = properties.get(member.getKey());
        if (property != null) {
          validate(member.getValue(), property, at + "." + member.getKey(), wrong, where);
        } else if (closed || !properties.isEmpty()) {
          wrong.add(where + ": " + at + "." + member.getKey() + " is not in the document");
        }
      }
    }
  }

  private static boolean typeMatches(JsonNode value, JsonNode type) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (typeMatches(value, t)) {
          return true;
        }
      }
      return false;
    }
    return switch (type.asString()) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isString();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      default -> false;
    };
  }

  private static boolean uuid(String text) {
    try {
      return UUID.fromString(text).toString().equals(text.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String abbreviate(JsonNode value) {
    String text = value.toString();
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }
}
