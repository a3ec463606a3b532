package com.saldo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.identity.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three descriptions of the public API say the same: the contract ({@code docs/api.md}), the
 * gateway's routes (which service owns a path, which scope it needs) and {@code /v1/openapi.json}
 * name the same operations, each with the same scope, and none has one that the others lack.
 */
class ApiDocumentsTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final Pattern DOCUMENTED =
      Pattern.compile(
          "`((?:GET|POST|PATCH|DELETE|PUT)(?:/(?:GET|POST|PATCH|DELETE|PUT))*) (/v1/[^` ?]*)");

  private static String normal(String path) {
    return path.replaceAll("\\{[^}]+}", "{}");
  }

  private static Set<String> openApi() throws Exception {
    Set<String> ops = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : document().get("paths").properties()) {
      for (String method : path.getValue().propertyNames()) {
        if (!method.equals("parameters")) {
          ops.add(method.toUpperCase(Locale.ROOT) + " " + normal(path.getKey()));
        }
      }
    }
    return ops;
  }

  private static JsonNode document() throws Exception {
    return JsonMapper.builder()
        .build()
        .readTree(
            Files.readAllBytes(ROOT.resolve("services/gateway/src/main/resources/openapi.json")));
  }

  @Test
  void theContractAndTheOpenApiDocumentNameTheSameOperations() throws Exception {
    Set<String> contract = new TreeSet<>();
    Matcher m = DOCUMENTED.matcher(Files.readString(ROOT.resolve("docs/api.md")));
    while (m.find()) {
      if (m.group(2).equals("/v1/openapi.json")) {
        continue; // the document itself, served by the gateway
      }
      for (String method : m.group(1).split("/")) {
        contract.add(method + " " + normal(m.group(2)));
      }
    }
    assertThat(contract).isEqualTo(openApi());
  }

  @Test
  void everyOperationIsRoutedWithItsScopeAndEveryRouteIsDocumented() throws Exception {
    Set<String> routed = new TreeSet<>();
    for (Routes.Route route : Routes.all()) {
      for (String path : expand(route.template())) {
        routed.add(route.method() + " " + normal(path));
      }
    }
    assertThat(routed).isEqualTo(openApi());
    for (Map.Entry<String, JsonNode> path : document().get("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (op.getKey().equals("parameters")) {
          continue;
        }
        String method = op.getKey().toUpperCase(Locale.ROOT);
        String concrete =
            path.getKey().replaceAll("\\{[^}]+}", "0b0c6a4e-2f8d-4d52-9a3e-6d1b2b9b4a11");
        Routes.Route route = Routes.find(method, concrete).orElseThrow();
        String scope = op.getValue().path("x-saldo-scope").asString();
        Set<String> scopes = new TreeSet<>();
        route.anyOf().stream().map(Scope::wire).forEach(scopes::add);
        assertThat(scopes).as(method + " " + path.getKey()).contains(scope.split(" or ")[0]);
      }
    }
  }

  /** {@code /a/(b|c)} is {@code /a/b} and {@code /a/c}. */
  private static List<String> expand(String template) {
    Matcher m = Pattern.compile("\\(([^)]+)\\)").matcher(template);
    if (!m.find()) {
      return List.of(template);
    }
    List<String> paths = new ArrayList<>();
    for (String option : m.group(1).split("\\|")) {
      paths.addAll(expand(template.substring(0, m.start()) + option + template.substring(m.end())));
    }
    return paths;
  }
}
