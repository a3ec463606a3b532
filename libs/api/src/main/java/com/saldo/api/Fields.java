package com.saldo.api;

import com.saldo.problem.FieldViolation;
import com.saldo.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the fields of one JSON object and collects every violation, so that a client learns all
 * that is wrong with a request in one answer. {@link #done()} throws the 400 problem.
 *
 * <p>One rule for JSON {@code null}: it is absence. An optional field that is null is not given, a
 * required one that is null is missing ("is required"), and a field that is allowed only with
 * another is not there when null. The exceptions are the fields the API gives null a meaning of its
 * own, read with {@link #isPresentEvenIfNull}.
 */
public final class Fields {

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final ObjectNode node;
  private final String prefix;
  private final List<FieldViolation> errors;

  private Fields(ObjectNode node, String prefix, List<FieldViolation> errors) {
    this.node = node;
    this.prefix = prefix;
    this.errors = errors;
  }

  public static Fields of(ObjectNode node) {
    return new Fields(node, "", new ArrayList<>());
  }

  /** Reads a nested object whose violations join this one's, with paths such as {@code a[3].b}. */
  public Fields nested(ObjectNode child, String path) {
    return new Fields(child, prefix + path + ".", errors);
  }

  public Fields allowOnly(Set<String> names) {
    for (String name : node.propertyNames()) {
      if (!names.contains(name)) {
        fail(name, "is not a known field");
      }
    }
    return this;
  }

  /** The field's raw value, for shapes this reader has no method for; null when absent. */
  public JsonNode raw(String name) {
    return node.get(name);
  }

  /**
   * The fields of a nested object, whose violations join this one's with paths such as {@code
   * name.field}; null when absent or JSON null, and null with a violation when not an object.
   */
  public Fields optionalObject(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!(value instanceof ObjectNode object)) {
      fail(name, "must be an object");
      return null;
    }
    return nested(object, name);
  }

  /** Whether the field has a value: present and not JSON null, for null is absence. */
  public boolean isGiven(String name) {
    JsonNode value = node.get(name);
    return value != null && !value.isNull();
  }

  /**
   * Whether the field is in the object at all, JSON null included: only for the few fields whose
   * null the API gives a meaning of its own (an account's {@code minBalance}: null is unbounded,
   * absent is the default 0). Everywhere else null is absence ({@link #isGiven}).
   */
  public boolean isPresentEvenIfNull(String name) {
    return node.has(name);
  }

  public void fail(String name, String message) {
    if (errors.size() < 100) {
      errors.add(new FieldViolation(prefix + name, message));
    }
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public void done() {
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(List.copyOf(errors));
    }
  }

  public UUID requiredUuid(String name) {
    return required(name) ? optionalUuid(name) : null;
  }

  public UUID optionalUuid(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString() || !UUID_TEXT.matcher(value.stringValue()).matches()) {
      fail(name, "must be a UUID");
      return null;
    }
    return UUID.fromString(value.stringValue());
  }

  /** The value, or {@code min} after recording a violation. */
  public long requiredLong(String name, long min, long max) {
    Long value = required(name) ? optionalLong(name, min, max) : null;
    return value == null ? min : value;
  }

  public Long optionalLong(String name, long min, long max) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber()) {
      fail(name, "must be an integer");
      return null;
    }
    if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
      fail(name, "must be within " + min + ".." + max);
      return null;
    }
    return value.longValue();
  }

  public String requiredString(String name, int lengthMax) {
    return required(name) ? optionalString(name, lengthMax) : null;
  }

  public String optionalString(String name, int lengthMax) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      fail(name, "must be a string");
      return null;
    }
    String text = value.stringValue();
    if (text.codePointCount(0, text.length()) > lengthMax) {
      fail(name, "must be at most " + lengthMax + " characters");
      return null;
    }
    if (!isStorableText(text)) {
      fail(name, "must not contain NUL or unpaired surrogate characters");
      return null;
    }
    return text;
  }

  public Boolean optionalBoolean(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      fail(name, "must be true or false");
      return null;
    }
    return value.booleanValue();
  }

  /** A string that must be one of {@code allowed}; null when absent. */
  public String optionalChoice(String name, Set<String> allowed) {
    String value = optionalString(name, 64);
    if (value != null && !allowed.contains(value)) {
      fail(name, "must be one of " + new java.util.TreeSet<>(allowed));
      return null;
    }
    return value;
  }

  /**
   * A JSON object of at most {@code keysMax} keys whose canonical text (keys sorted) is at most
   * {@code bytesMax} bytes; returns that canonical text, {@code "{}"} when absent.
   */
  public String metadata(String name, int bytesMax, int keysMax) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return "{}";
    }
    if (!(value instanceof ObjectNode object)) {
      fail(name, "must be a JSON object");
      return "{}";
    }
    if (object.size() > keysMax) {
      fail(name, "must have at most " + keysMax + " keys");
      return "{}";
    }
    if (!storable(object)) {
      fail(name, "must not contain NUL, unpaired surrogates or numbers beyond a double's range");
      return "{}";
    }
    String canonical = canonicalJson(object);
    if (canonical.getBytes(StandardCharsets.UTF_8).length > bytesMax) {
      fail(name, "must be at most " + bytesMax + " bytes of JSON");
      return "{}";
    }
    return canonical;
  }

  /** The objects of an array field with {@code min..max} elements; empty with a violation else. */
  public List<ObjectNode> objects(String name, int min, int max) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      fail(name, "is required");
      return List.of();
    }
    if (!(value instanceof ArrayNode array)) {
      fail(name, "must be an array");
      return List.of();
    }
    if (array.size() < min || array.size() > max) {
      fail(name, "must have " + min + ".." + max + " elements");
      return List.of();
    }
    List<ObjectNode> objects = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i) instanceof ObjectNode object) {
        objects.add(object);
      } else {
        fail(name + "[" + i + "]", "must be an object");
      }
    }
    return objects;
  }

  /** Keys sorted at every level, so that equal objects have equal text. */
  public static String canonicalJson(JsonNode node) {
    return JsonBodies.mapper().writeValueAsString(sorted(node));
  }

  private static JsonNode sorted(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Map<String, JsonNode> ordered = new TreeMap<>();
      for (Map.Entry<String, JsonNode> entry : object.properties()) {
        ordered.put(entry.getKey(), sorted(entry.getValue()));
      }
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      ordered.forEach(copy::set);
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      array.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    return node;
  }

  private static boolean storable(JsonNode node) {
    if (node.isString()) {
      return isStorableText(node.stringValue());
    }
    if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
      return false;
    }
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> entry : object.properties()) {
        if (!isStorableText(entry.getKey()) || !storable(entry.getValue())) {
          return false;
        }
      }
    }
    if (node instanceof ArrayNode array) {
      for (JsonNode element : array) {
        if (!storable(element)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Text PostgreSQL can store: no NUL, and well-formed UTF-16 (no unpaired surrogates). */
  public static boolean isStorableText(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private boolean required(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      fail(name, "is required");
      return false;
    }
    return true;
  }
}
