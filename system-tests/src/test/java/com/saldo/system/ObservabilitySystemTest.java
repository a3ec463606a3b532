package com.saldo.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.local.Services;
import com.saldo.testing.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Prometheus rules, the canary's abort rules and the Grafana dashboards in {@code deploy/} read
 * only series that the services really export: every metric name in their expressions is found in a
 * live scrape of the running services' {@code /actuator/prometheus}. A renamed metric would
 * otherwise leave an alert that can never fire.
 */
class ObservabilitySystemTest {

  private static final Path DEPLOY = Path.of("../deploy").toAbsolutePath().normalize();

  /** A metric name where PromQL reads one: before a selector, a range, or a closing parenthesis. */
  private static final Pattern METRIC = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_:]*)\\s*(?=[{\\[)])");

  @Test
  void everyMetricTheRulesAndDashboardsReadIsExported() throws Exception {
    SaldoCluster saldo = SaldoCluster.get();
    exercise(saldo);
    Set<String> read = new TreeSet<>();
    for (String expr : expressions()) {
      Matcher m = METRIC.matcher(expr);
      while (m.find()) {
        String name = m.group(1);
        if (name.contains("_") && !name.contains(":")) { // a recorded series has a colon
          read.add(name);
        }
      }
    }
    // some series appear only once there is something to measure (an endpoint's backlog shows
    // after the next metrics round of the replica that holds its lease)
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(exported(saldo)).containsAll(read));
    assertThat(read).contains("http_server_requests_seconds_bucket", "ledger_engine_queue_length");
  }

  private static Set<String> exported(SaldoCluster saldo) {
    Set<String> exported = new TreeSet<>();
    for (Services.Service s :
        List.of(saldo.gateway, saldo.ledger, saldo.query, saldo.webhooks, saldo.backoffice)) {
      new Http("http://localhost:" + s.managementPort(), Map.of())
          .get("/actuator/prometheus")
          .body()
          .lines()
          .filter(l -> !l.startsWith("#") && !l.isBlank())
          .map(l -> l.split("[{ ]", 2)[0])
          .forEach(exported::add);
    }
    return exported;
  }

  /** Some traffic, so that every series the rules read has been created. */
  private static void exercise(SaldoCluster saldo) {
    UUID tenant = saldo.newTenant("Observed");
    Http api =
        saldo.as(
            saldo.newKey(
                tenant,
                List.of(
                    "accounts:read",
                    "accounts:write",
                    "transfers:read",
                    "transfers:write",
                    "webhooks:manage")));
    api.post(
        "/v1/webhooks",
        Map.of("url", "http://127.0.0.1:9/hooks", "events", List.of("transfer.posted")));
    String a = api.post("/v1/accounts", Map.of("currency", "EUR")).json().get("id").asString();
    api.get("/v1/accounts/" + a);
    api.get("/v1/accounts/" + a + "/entries");
    api.get("/v1/events");
  }

  private static List<String> expressions() throws IOException {
    List<String> exprs = new java.util.ArrayList<>();
    Pattern yamlExpr =
        Pattern.compile(
            "expr: (?:\\|\\s*\\n)?((?:.|\\n)*?)(?=\\n\\s*(?:for|labels|record|- alert|- record|annotations):|\\z)");
    for (Path rules :
        List.of(DEPLOY.resolve("observability/rules.yaml"), DEPLOY.resolve("bin/deploy"))) {
      Matcher m = yamlExpr.matcher(Files.readString(rules));
      while (m.find()) {
        exprs.add(m.group(1));
      }
    }
    JsonMapper json = JsonMapper.builder().build();
    try (Stream<Path> boards = Files.list(DEPLOY.resolve("observability/dashboards"))) {
      for (Path board : boards.toList()) {
        for (JsonNode panel : json.readTree(Files.readAllBytes(board)).path("panels")) {
          for (JsonNode target : panel.path("targets")) {
            exprs.add(target.path("expr").asString());
          }
        }
      }
    }
    assertThat(exprs).hasSizeGreaterThan(20);
    return exprs;
  }
}
