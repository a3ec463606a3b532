package com.saldo.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the Cloud Endpoints service configuration for ESPv2 (OpenAPI 2.0 with the {@code
 * x-google-*} extensions) from the gateway's OpenAPI 3.1 document, so that the edge knows exactly
 * the API the gateway serves: every operation with a unique operationId and its path and query
 * parameters, Google API keys ({@code x-api-key}) or JWTs of the configured issuer, and the gateway
 * as the backend. ESPv2 checks the caller at the edge; the gateway still checks Saldo's own
 * credential and scopes behind it.
 *
 * <pre>EspConfig OPENAPI_JSON OUT_JSON HOST BACKEND ISSUER JWKS_URI AUDIENCE</pre>
 */
public final class EspConfig {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

  private EspConfig() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 7) {
      throw new IllegalArgumentException(
          "usage: EspConfig OPENAPI_JSON OUT_JSON HOST BACKEND ISSUER JWKS_URI AUDIENCE");
    }
    JsonNode source = JSON.readTree(Files.readAllBytes(Path.of(args[0])));
    ObjectNode config = convert(source, args[2], args[3], args[4], args[5], args[6]);
    Path out = Path.of(args[1]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config) + "\n");
  }

  static ObjectNode convert(
      JsonNode source, String host, String backend, String issuer, String jwks, String audience) {
    ObjectNode config = NODES.objectNode();
    config.put("swagger", "2.0");
    ObjectNode info = config.putObject("info");
    info.put("title", source.at("/info/title").asString());
    info.put("version", source.at("/info/version").asString());
    info.put("description", source.at("/info/description").asString(""));
    config.put("host", host);
    config.putArray("schemes").add("https");
    config.putArray("consumes").add("application/json");
    config.putArray("produces").add("application/json");
    ObjectNode backendNode = config.putObject("x-google-backend");
    backendNode.put("address", backend);
    backendNode.put("path_translation", "APPEND_PATH_TO_ADDRESS");
    backendNode.put("deadline", 15.0);
    ObjectNode security = config.putObject("securityDefinitions");
    ObjectNode apiKey = security.putObject("api_key");
    apiKey.put("type", "apiKey");
    apiKey.put("name", "x-api-key");
    apiKey.put("in", "header");
    ObjectNode jwt = security.putObject("saldo_jwt");
    jwt.put("type", "oauth2");
    jwt.put("flow", "implicit");
    jwt.put("authorizationUrl", "");
    jwt.put("x-google-issuer", issuer);
    jwt.put("x-google-jwks_uri", jwks);
    jwt.put("x-google-audiences", audience);
    ArrayNode either = config.putArray("security");
    either.addObject().putArray("api_key");
    either.addObject().putArray("saldo_jwt");
    ObjectNode paths = config.putObject("paths");
    for (Map.Entry<String, JsonNode> path : source.get("paths").properties()) {
      ObjectNode item = paths.putObject(path.getKey());
      for (String method : METHODS) {
        JsonNode op = path.getValue().get(method);
        if (op != null) {
          item.set(method, operation(method, path.getKey(), op, path.getValue()));
        }
      }
    }
    return config;
  }

  private static ObjectNode operation(String method, String path, JsonNode op, JsonNode item) {
    ObjectNode out = NODES.objectNode();
    out.put("operationId", operationId(method, path));
    out.put("summary", op.path("summary").asString(""));
    if (op.has("security") && op.get("security").isEmpty()) {
      out.putArray("security"); // public: the problem pages, the document itself
    }
    ArrayNode parameters = out.putArray("parameters");
    for (JsonNode list : new JsonNode[] {item.path("parameters"), op.path("parameters")}) {
      for (JsonNode p : list) {
        ObjectNode param = parameters.addObject();
        param.put("name", p.path("name").asString());
        param.put("in", p.path("in").asString());
        param.put("required", p.path("required").asBoolean(p.path("in").asString().equals("path")));
        param.put("type", type(p.path("schema")));
        if (p.at("/schema/format").isString()) {
          param.put("format", p.at("/schema/format").asString());
        }
      }
    }
    if (op.has("requestBody")) {
      ObjectNode body = parameters.addObject();
      body.put("name", "body");
      body.put("in", "body");
      body.put("required", op.at("/requestBody/required").asBoolean(false));
      body.putObject("schema").put("type", "object");
    }
    ObjectNode responses = out.putObject("responses");
    for (Iterator<String> codes = op.path("responses").propertyNames().iterator();
        codes.hasNext(); ) {
      String code = codes.next();
      responses
          .putObject(code)
          .put("description", op.at("/responses/" + code + "/description").asString(code));
    }
    return out;
  }

  /** {@code post /v1/transfers/{id}/capture} becomes {@code postTransfersIdCapture}. */
  static String operationId(String method, String path) {
    StringBuilder id = new StringBuilder(method.toLowerCase(Locale.ROOT));
    for (String segment : path.split("/")) {
      String word = segment.replaceAll("[{}]", "");
      if (word.isEmpty() || word.equals("v1")) {
        continue;
      }
      for (String part : word.split("-")) {
        id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return id.toString();
  }

  private static String type(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (!t.asString().equals("null")) {
          return t.asString();
        }
      }
    }
    return type.asString("string");
  }
}
