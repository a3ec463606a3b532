package com.saldo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./saldo deploy canary} and {@code rollback} render what they say, step by step. */
class CanaryTest {

  @TempDir Path out;

  @BeforeAll
  static void kubectl() {
    assumeTrue(Rendered.kubectlPresent(), "kubectl (with kustomize) is not installed: skipped");
  }

  private int deploy(String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(List.of(Rendered.DEPLOY.resolve("bin/deploy").toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    System.out.print(output);
    return p.exitValue();
  }

  @Test
  void eachStepWeighsTheCanaryAndTheRestStaysOnStable() throws Exception {
    assertThat(
            deploy(
                "canary",
                "ledger",
                "registry.example.com/saldo/ledger:0.2.0",
                "--out",
                out.toString()))
        .isZero();
    for (int weight : new int[] {5, 25, 50, 100}) {
      Rendered step =
          Rendered.parse(
              "step-" + weight, Files.readString(out.resolve("step-" + weight + ".yaml")));
      assertThat(step.unknownFields()).isEmpty();
      JsonNode canary = null;
      for (HasMetadata o : step.objects()) {
        JsonNode tree = ManifestsTest.tree(o);
        String name = o.getMetadata().getName();
        if (o.getKind().equals("Deployment") && name.equals("ledger-canary")) {
          canary = tree;
        }
        if (o.getKind().equals("VirtualService")) {
          int expected = name.equals("ledger") ? weight : 0;
          for (JsonNode route : tree.at("/spec/http")) {
            assertThat(route.at("/route/0/destination/subset").asText()).isEqualTo("stable");
            assertThat(route.at("/route/0/weight").asInt()).as(name).isEqualTo(100 - expected);
            assertThat(route.at("/route/1/weight").asInt()).as(name).isEqualTo(expected);
          }
        }
      }
      assertThat(canary).as("the canary Deployment").isNotNull();
      assertThat(canary.at("/spec/replicas").asInt()).isEqualTo(1);
      assertThat(canary.at("/spec/template/metadata/labels/track").asText()).isEqualTo("canary");
      assertThat(canary.at("/spec/template/spec/containers/0/image").asText())
          .isEqualTo("registry.example.com/saldo/ledger:0.2.0");
      assertThat(canary.at("/spec/template/spec/serviceAccountName").asText()).isEqualTo("ledger");
      JsonNode stable =
          ManifestsTest.tree(
              step.named(io.fabric8.kubernetes.api.model.apps.Deployment.class, "ledger"));
      assertThat(stable.at("/spec/template/metadata/labels/track").asText()).isEqualTo("stable");
      assertThat(step.text()).contains("kind: PrometheusRule").contains("le=\"0.12\"");
    }
  }

  @Test
  void aRollbackIsTheOverlayWithEveryWeightOnStable() throws Exception {
    assertThat(deploy("rollback", "ledger", "--out", out.toString())).isZero();
    Rendered rollback = Rendered.parse("rollback", Files.readString(out.resolve("rollback.yaml")));
    assertThat(rollback.text()).doesNotContain("ledger-canary");
    assertThat(rollback.text()).contains("subset: canary\n      weight: 0");
  }

  @Test
  void aTaglessOrLatestImageAndAnUnknownServiceAreRefused() throws Exception {
    assertThat(deploy("canary", "ledger", "ghcr.io/saldo/ledger", "--out", out.toString()))
        .isEqualTo(2);
    assertThat(deploy("canary", "ledger", "ghcr.io/saldo/ledger:latest", "--out", out.toString()))
        .isEqualTo(2);
    assertThat(deploy("canary", "payments", "ghcr.io/saldo/x:1", "--out", out.toString()))
        .isEqualTo(2);
  }
}
