package com.saldo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.saldo.local.EnvironmentFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proves that every workload of the benchmark runs against a real Saldo, gets no error, and ends
 * with money conserved and its acknowledged transfers found, and that a fresh replica of every
 * service starts from its image and serves; a few seconds each, no speed asserted (speed is
 * measured with ./saldo bench, never in a test).
 */
class BenchSmokeSystemTest {

  /** The checkout: where the services' images and the bench's jar are built. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @ParameterizedTest
  @CsvSource({
    "hot-merchant, 0",
    "pos-mix, 0",
    "pos-mix, 150",
    "batch, 0",
    "reads, 0",
    "webhooks, 100"
  })
  void eachWorkloadRunsCorrectly(String workload, int rate)
      throws IOException, InterruptedException {
    SaldoCluster saldo = SaldoCluster.get();
    String printed =
        bench(
            Duration.ofSeconds(120),
            workload,
            "--url",
            saldo.url(),
            "--operator-key",
            SaldoCluster.OPERATOR_KEY,
            "--duration",
            "3s",
            "--warmup",
            "1s",
            "--customers",
            "200",
            "--merchants",
            "3",
            "--clients",
            workload.equals("batch") ? "2" : "8",
            "--rate",
            Integer.toString(rate),
            "--endpoints",
            "3");
    assertThat(printed)
        .contains("errors        0")
        .containsPattern("(verify|webhooks) .* OK")
        .contains("report ");
    assertThat(printed).doesNotContain(" 500 ").doesNotContain(" 503 ");
    assertThat(printed).containsPattern("stalls .* \\d+ s \\d+ ms;");
    String base = reportOf(printed).replace(".json and .html", "");
    JsonNode report =
        JsonMapper.builder().build().readTree(Files.readString(Path.of(base + ".json")));
    assertThat(report.get("slowestMsPerSecond").size())
        .isEqualTo(report.get("throughputPerSecond").size())
        .isPositive();
    for (JsonNode slowest : report.get("slowestMsPerSecond")) {
      assertThat(slowest.asDouble()).isPositive();
    }
    assertThat(Files.readString(Path.of(base + ".html"))).contains("Slowest answer over time");
  }

  /**
   * The cold-start mode: a sixth replica of the service, from its image (the image's Java runtime,
   * class path, flags and AOT cache), joins the running cluster and answers every request of its
   * workload; the report has its time to ready and to half of its warm throughput.
   */
  @ParameterizedTest
  @ValueSource(strings = {"ledger", "query", "webhooks", "backoffice", "gateway"})
  void aFreshReplicaStartsFromItsImageAndServes(String service) throws Exception {
    Path image = ROOT.resolve("services/" + service + "/target/jib-image.tar");
    assumeTrue(
        Files.isRegularFile(image), image + " was not built (./saldo test builds it): skipped");
    SaldoCluster saldo = SaldoCluster.get();
    Path environment = Files.createTempFile("saldo-environment", "");
    EnvironmentFile.write(environment, saldo.cluster.environment());
    String printed =
        bench(
            Duration.ofSeconds(240),
            "cold-start",
            "--service",
            service,
            "--image",
            image.toString(),
            "--url",
            saldo.url(),
            "--operator-key",
            SaldoCluster.OPERATOR_KEY,
            "--environment",
            environment.toString(),
            "--cpu",
            "-1",
            "--clients",
            "4",
            "--duration",
            "6s");
    assertThat(printed).contains(service + " (image): ready ").contains("errors       0");
    JsonNode json =
        JsonMapper.builder().build().readTree(Files.readString(Path.of(reportOf(printed))));
    assertThat(json.get("readySeconds").asDouble()).isPositive();
    assertThat(json.get("warmPerSecond").asLong()).isPositive();
    assertThat(json.get("halfOfWarmSeconds").asDouble())
        .isGreaterThanOrEqualTo(json.get("readySeconds").asDouble());
    assertThat(json.get("statuses").properties())
        .allSatisfy(status -> assertThat(status.getKey()).startsWith("2"));
  }

  /** Runs the bench's jar with these arguments and its reports here; what it printed, exit 0. */
  private static String bench(Duration patience, String... arguments)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                ROOT.resolve("bench/target/bench.jar").toString()));
    command.addAll(List.of(arguments));
    command.addAll(
        List.of("--report-dir", Path.of("target/bench-reports").toAbsolutePath().toString()));
    Path output = Files.createTempFile("bench-" + arguments[0], ".log");
    Process bench =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    assertThat(bench.waitFor(patience.toSeconds(), TimeUnit.SECONDS)).isTrue();
    String printed = Files.readString(output);
    assertThat(bench.exitValue()).as(printed).isZero();
    return printed;
  }

  /** The report's path from the bench's {@code report} line. */
  private static String reportOf(String printed) {
    return printed
        .lines()
        .filter(l -> l.startsWith("report "))
        .findFirst()
        .orElseThrow()
        .substring(7)
        .strip();
  }
}
