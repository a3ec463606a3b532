package com.saldo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every overlay renders, every object is one the Kubernetes and Istio models know field by field,
 * and the objects keep the rules of a safe deploy: probes, resources, a hardened security context,
 * a graceful stop, a PDB, an HPA and a NetworkPolicy per service, Secrets only referenced, and with
 * Istio mutual TLS, an AuthorizationPolicy per service naming its real callers, canary weights that
 * sum to 100 and retries only where the API makes them safe.
 */
class ManifestsTest {

  static final Set<String> SERVICES =
      Set.of("gateway", "ledger", "query", "webhooks", "backoffice");
  static final String GATEWAY_SA = "cluster.local/ns/saldo/sa/gateway";
  static final String INGRESS_SA =
      "cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account";
  private static final Pattern SECRET_LOOKING =
      Pattern.compile("sk_[A-Za-z0-9_-]{16,}|whsec_[A-Za-z0-9+/=]{16,}|BEGIN [A-Z ]*PRIVATE KEY");
  private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(KEY|SECRET|PASSWORD|TOKEN).*");

  @BeforeAll
  static void kubectl() {
    assumeTrue(Rendered.kubectlPresent(), "kubectl (with kustomize) is not installed: skipped");
  }

  static JsonNode tree(Object o) {
    return Rendered.SERIALIZATION.convertValue(o, JsonNode.class);
  }

  private static List<JsonNode> kind(Rendered r, String kind) {
    List<JsonNode> found = new ArrayList<>();
    for (HasMetadata o : r.objects()) {
      if (o.getKind().equals(kind)) {
        found.add(tree(o));
      }
    }
    return found;
  }

  private static Set<String> names(List<JsonNode> objects) {
    Set<String> names = new TreeSet<>();
    objects.forEach(o -> names.add(o.at("/metadata/name").asText()));
    return names;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"local", "staging", "production", "production-spanner", "production-espv2"})
  void everyObjectIsKnownFieldByFieldAndNoSecretIsWrittenDown(String overlay) {
    Rendered r = Rendered.of(overlay);
    assertThat(r.unknownFields()).isEmpty();
    assertThat(kind(r, "Secret"))
        .as("Secrets are referenced, never part of the manifests")
        .isEmpty();
    assertThat(SECRET_LOOKING.matcher(r.text()).find()).as("a secret value in the text").isFalse();
    for (JsonNode config : kind(r, "ConfigMap")) {
      config
          .path("data")
          .fieldNames()
          .forEachRemaining(k -> assertThat(k).as("a ConfigMap key").doesNotMatch(SECRET_NAME));
    }
    assertThat(names(kind(r, "Deployment"))).isEqualTo(new TreeSet<>(SERVICES));
    for (String kind :
        List.of(
            "Service",
            "ServiceAccount",
            "PodDisruptionBudget",
            "HorizontalPodAutoscaler",
            "NetworkPolicy")) {
      assertThat(names(kind(r, kind))).as(kind).isEqualTo(new TreeSet<>(SERVICES));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"local", "staging", "production", "production-spanner", "production-espv2"})
  void everyPodIsProbedBoundedHardenedAndStopsGracefully(String overlay) {
    Rendered r = Rendered.of(overlay);
    for (JsonNode d : kind(r, "Deployment")) {
      String name = d.at("/metadata/name").asText();
      JsonNode pod = d.at("/spec/template/spec");
      assertThat(pod.path("serviceAccountName").asText()).isEqualTo(name);
      assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
      assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(name).isTrue();
      assertThat(pod.at("/securityContext/runAsUser").asInt()).as(name).isPositive();
      assertThat(pod.at("/securityContext/seccompProfile/type").asText())
          .isEqualTo("RuntimeDefault");
      assertThat(pod.path("topologySpreadConstraints").size()).as(name).isPositive();
      long grace = pod.path("terminationGracePeriodSeconds").asLong();
      for (JsonNode c : pod.path("containers")) {
        String at = overlay + " " + name + "/" + c.path("name").asText();
        boolean saldo = c.path("name").asText().equals(name); // else a sidecar such as ESPv2
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
          assertThat(c.at("/" + probe + "/httpGet/path").asText())
              .as(at + " " + probe)
              .isNotEmpty();
          if (saldo) {
            assertThat(c.at("/" + probe + "/httpGet/port").asText())
                .as(at + " " + probe)
                .isEqualTo("management");
            assertThat(c.at("/" + probe + "/httpGet/path").asText())
                .as(at)
                .startsWith("/actuator/health/");
          }
        }
        assertThat(c.at("/resources/requests/cpu").isMissingNode()).as(at).isFalse();
        assertThat(c.at("/resources/requests/memory").isMissingNode()).as(at).isFalse();
        assertThat(c.at("/resources/limits/memory").isMissingNode()).as(at).isFalse();
        assertThat(c.at("/securityContext/readOnlyRootFilesystem").asBoolean()).as(at).isTrue();
        assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true))
            .as(at)
            .isFalse();
        assertThat(c.at("/securityContext/capabilities/drop").toString()).as(at).contains("ALL");
        String image = c.path("image").asText();
        assertThat(image).as(at).contains(":").doesNotEndWith(":latest");
        long preStop = c.at("/lifecycle/preStop/sleep/seconds").asLong();
        assertThat(preStop).as(at + " preStop").isPositive();
        // the preStop pause, then the service's 20 s of graceful shutdown, then some margin
        assertThat(grace).as(at + " grace").isGreaterThanOrEqualTo(preStop + 20 + 5);
        for (JsonNode env : c.path("env")) {
          if (SECRET_NAME.matcher(env.path("name").asText()).matches()
              && !env.path("name").asText().equals("JAVA_TOOL_OPTIONS")) {
            assertThat(env.has("value"))
                .as(at + " " + env.path("name").asText() + " must come from a Secret")
                .isFalse();
            assertThat(env.at("/valueFrom/secretKeyRef").isMissingNode())
                .as(at + " " + env.path("name").asText())
                .isFalse();
          }
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"local", "staging", "production", "production-spanner", "production-espv2"})
  void onlyTheGatewayTakesIngressAndEachBackendOnlyFromTheGateway(String overlay) {
    Rendered r = Rendered.of(overlay);
    for (JsonNode policy : kind(r, "NetworkPolicy")) {
      String name = policy.at("/metadata/name").asText();
      assertThat(policy.at("/spec/policyTypes").toString()).contains("Ingress").contains("Egress");
      Set<String> from = new HashSet<>();
      for (JsonNode rule : policy.at("/spec/ingress")) {
        for (JsonNode peer : rule.path("from")) {
          assertThat(peer.has("ipBlock")).as(name + ": ingress by address").isFalse();
          from.add(peer.toString());
        }
      }
      String api =
          name.equals("gateway")
              ? "{\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"istio-system\"}},\"podSelector\":{\"matchLabels\":{\"istio\":\"ingressgateway\"}}}"
              : "{\"podSelector\":{\"matchLabels\":{\"app.kubernetes.io/name\":\"gateway\"}}}";
      String monitoring =
          "{\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"monitoring\"}}}";
      assertThat(from).as(name).containsExactlyInAnyOrder(api, monitoring);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"staging", "production", "production-spanner", "production-espv2"})
  void theMeshIsMutualTlsAndEachServiceAdmitsOnlyItsRealCallers(String overlay) {
    Rendered r = Rendered.of(overlay);
    JsonNode namespace = kind(r, "Namespace").getFirst();
    assertThat(namespace.at("/metadata/labels/istio-injection").asText()).isEqualTo("enabled");
    List<JsonNode> peer = kind(r, "PeerAuthentication");
    assertThat(peer)
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.at("/spec/mtls/mode").asText()).isEqualTo("STRICT"));
    assertThat(names(peer)).contains("default");
    List<JsonNode> policies = kind(r, "AuthorizationPolicy");
    JsonNode deny =
        policies.stream()
            .filter(p -> p.at("/metadata/name").asText().equals("deny-all"))
            .findFirst()
            .orElseThrow();
    assertThat(deny.path("spec").isEmpty()).as("deny-all has an empty spec").isTrue();
    for (String service : SERVICES) {
      JsonNode policy =
          policies.stream()
              .filter(p -> p.at("/metadata/name").asText().equals(service))
              .findFirst()
              .orElseThrow();
      assertThat(policy.at("/spec/action").asText()).isEqualTo("ALLOW");
      assertThat(policy.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText())
          .isEqualTo(service);
      Set<String> principals = new TreeSet<>();
      for (JsonNode rule : policy.at("/spec/rules")) {
        for (JsonNode from : rule.path("from")) {
          from.at("/source/principals").forEach(p -> principals.add(p.asText()));
          if (from.at("/source/namespaces").size() > 0) {
            assertThat(rule.at("/to/0/operation/paths").toString())
                .as(service)
                .contains("/actuator/prometheus");
          }
        }
      }
      assertThat(principals)
          .as(service)
          .containsExactly(service.equals("gateway") ? INGRESS_SA : GATEWAY_SA);
    }
    for (String service : SERVICES) {
      JsonNode rule =
          kind(r, "DestinationRule").stream()
              .filter(d -> d.at("/metadata/name").asText().equals(service))
              .findFirst()
              .orElseThrow();
      assertThat(rule.at("/spec/trafficPolicy/outlierDetection").isMissingNode()).isFalse();
      assertThat(rule.at("/spec/trafficPolicy/connectionPool").isMissingNode()).isFalse();
      assertThat(rule.at("/spec/subsets").toString()).contains("stable").contains("canary");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"staging", "production", "production-spanner", "production-espv2"})
  void routesWeighToOneHundredAndWritesAreRetriedOnlyBeforeTheyWereSent(String overlay) {
    Rendered r = Rendered.of(overlay);
    List<JsonNode> services = kind(r, "VirtualService");
    assertThat(names(services)).isEqualTo(new TreeSet<>(SERVICES));
    for (JsonNode vs : services) {
      for (JsonNode route : vs.at("/spec/http")) {
        int sum = 0;
        for (JsonNode destination : route.path("route")) {
          sum += destination.path("weight").asInt();
        }
        assertThat(sum)
            .as(vs.at("/metadata/name").asText() + " " + route.path("name").asText())
            .isEqualTo(100);
        boolean reads = route.path("match").toString().contains("GET");
        Set<String> retryOn = Set.of(route.at("/retries/retryOn").asText().split(","));
        if (!reads) {
          assertThat(retryOn)
              .as("a write may be retried only where nothing was sent")
              .isSubsetOf(Set.of("connect-failure", "refused-stream"));
        }
        assertThat(route.path("timeout").asText()).isNotEmpty();
      }
    }
  }

  @org.junit.jupiter.api.Test
  void aMisspeltFieldAnywhereIsCaught() {
    Rendered typo =
        Rendered.parse(
            "typo",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: ledger}
            spec:
              replica: 2
              template:
                spec:
                  containers:
                    - name: ledger
                      image: x:1
                      readinessProbe: {httpGet: {path: /, port: 1}, periodSecond: 2}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: ledger}
            spec:
              htp: []
            """);
    assertThat(typo.unknownFields())
        .anySatisfy(f -> assertThat(f).startsWith("Deployment/ledger").contains("replica"))
        .anySatisfy(f -> assertThat(f).contains("periodSecond"))
        .anySatisfy(f -> assertThat(f).startsWith("VirtualService/ledger").contains("htp"));
  }
}
