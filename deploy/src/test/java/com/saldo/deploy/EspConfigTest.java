package com.saldo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ESPv2 service configuration the build wrote describes exactly the gateway's API. */
class EspConfigTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path SOURCE =
      Rendered.DEPLOY.resolve("../services/gateway/src/main/resources/openapi.json").normalize();

  @Test
  void everyOperationIsThereOnceWithItsParametersAndTheEdgeChecksKeysOrJwts() throws Exception {
    JsonNode source = JSON.readTree(Files.readAllBytes(SOURCE));
    JsonNode config =
        JSON.readTree(Files.readAllBytes(Rendered.DEPLOY.resolve("target/espv2/openapi-v2.json")));
    assertThat(config.path("swagger").asString()).isEqualTo("2.0");
    assertThat(config.at("/x-google-backend/address").asString())
        .isEqualTo("http://127.0.0.1:8080");
    assertThat(config.at("/securityDefinitions/api_key/in").asString()).isEqualTo("header");
    assertThat(config.at("/securityDefinitions/saldo_jwt/x-google-issuer").asString()).isNotEmpty();
    assertThat(config.at("/securityDefinitions/saldo_jwt/x-google-jwks_uri").asString())
        .startsWith("https://");

    Set<String> documented = new TreeSet<>();
    Set<String> configured = new TreeSet<>();
    Set<String> ids = new HashSet<>();
    for (Map.Entry<String, JsonNode> path : source.get("paths").properties()) {
      for (String method : path.getValue().propertyNames()) {
        if (!method.equals("parameters")) {
          documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
        }
      }
    }
    Pattern placeholder = Pattern.compile("\\{([^}]+)}");
    for (Map.Entry<String, JsonNode> path : config.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        configured.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
        assertThat(ids.add(op.getValue().path("operationId").asString()))
            .as("unique operationId")
            .isTrue();
        Set<String> declared = new HashSet<>();
        for (JsonNode p : op.getValue().path("parameters")) {
          if (p.path("in").asString().equals("path")) {
            declared.add(p.path("name").asString());
            assertThat(p.path("required").asBoolean()).isTrue();
          }
          assertThat(p.has("type") || p.path("in").asString().equals("body"))
              .as(p.toString())
              .isTrue();
        }
        Matcher m = placeholder.matcher(path.getKey());
        while (m.find()) {
          assertThat(declared).as(op.getKey() + " " + path.getKey()).contains(m.group(1));
        }
        assertThat(op.getValue().path("responses").size()).isPositive();
      }
    }
    assertThat(configured).isEqualTo(documented);
  }

  @Test
  void operationIdsReadAsTheirPath() {
    assertThat(EspConfig.operationId("post", "/v1/transfers/{id}/capture"))
        .isEqualTo("postTransfersIdCapture");
    assertThat(EspConfig.operationId("get", "/v1/webhooks/{id}/rotate-secret"))
        .isEqualTo("getWebhooksIdRotateSecret");
  }
}
