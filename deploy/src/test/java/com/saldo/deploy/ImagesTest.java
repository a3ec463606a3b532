package com.saldo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The image each service's build wrote ({@code target/jib-image.tar}, made by {@code ./saldo
 * test}): a non-root user, the service's ports, the JVM sized by the container, Spring AOT and the
 * AOT cache of the training run, a base that can start a program, the labels, and nothing secret in
 * any layer or in the service's jar.
 */
class ImagesTest {

  private static final Pattern SECRET_FILE =
      Pattern.compile(
          "(?i).*(\\.key|\\.pem|\\.p12|\\.jks|id_rsa.*|\\.env|/\\.saldo/.*|operator-key|webhooks-key|identity-key)$");
  private static final Pattern SECRET_TEXT =
      Pattern.compile(
          "sk_(live|test|op)_[A-Za-z0-9_-]{16,}|whsec_[A-Za-z0-9+/=]{20,}|BEGIN [A-Z ]*PRIVATE KEY");

  @ParameterizedTest
  @CsvSource({
    "gateway,8080,9080",
    "ledger,8081,9081",
    "query,8082,9082",
    "webhooks,8083,9083",
    "backoffice,8084,9084"
  })
  void theImageRunsAsNobodyOnItsPortsWithNothingSecretInIt(String service, int port, int management)
      throws Exception {
    Path tar =
        Rendered.DEPLOY.resolve("../services/" + service + "/target/jib-image.tar").normalize();
    assumeTrue(Files.isRegularFile(tar), tar + " was not built (./saldo test builds it): skipped");
    Map<String, byte[]> files;
    try (InputStream in = Files.newInputStream(tar)) {
      files = Tar.read(in);
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode manifest = json.readTree(files.get("manifest.json")).get(0);
    JsonNode config = json.readTree(files.get(manifest.path("Config").asText())).path("config");
    assertThat(config.path("User").asText()).isEqualTo("10001:10001");
    assertThat(config.path("ExposedPorts").has(port + "/tcp")).isTrue();
    assertThat(config.path("ExposedPorts").has(management + "/tcp")).isTrue();
    assertThat(config.path("Entrypoint").get(0).asText()).isEqualTo("java");
    // started ahead of time: Spring's bean definitions from the build, the JDK's AOT cache from
    // the build's training run (loaded and linked classes, method profiles)
    assertThat(config.path("Entrypoint").toString())
        .contains("-Dspring.aot.enabled=true")
        .contains("-XX:AOTCache=/app/aot/" + service + ".aot");
    String env = config.path("Env").toString();
    assertThat(env).contains("JAVA_TOOL_OPTIONS=").contains("MaxRAMPercentage");
    JsonNode labels = config.path("Labels");
    assertThat(labels.path("org.opencontainers.image.title").asText())
        .isEqualTo("saldo-" + service);
    assertThat(labels.path("org.opencontainers.image.version").asText()).isNotBlank();
    assertThat(labels.path("org.opencontainers.image.licenses").asText()).isEqualTo("Apache-2.0");
    assertThat(manifest.path("RepoTags").toString()).doesNotContain(":latest");

    List<String> secrets = new ArrayList<>();
    Map<String, Integer> sizes = new java.util.HashMap<>();
    int layers = 0;
    for (JsonNode layer : manifest.path("Layers")) {
      layers++;
      for (Map.Entry<String, byte[]> file : Tar.layer(files.get(layer.asText())).entrySet()) {
        String name = file.getKey();
        sizes.put(name, file.getValue().length);
        if (SECRET_FILE.matcher(name).matches()) {
          secrets.add(name);
        }
        if (isConfiguration(name)) {
          if (SECRET_TEXT.matcher(new String(file.getValue(), StandardCharsets.UTF_8)).find()) {
            secrets.add(name + " (content)");
          }
        }
        // the service's own jar holds its configuration
        if (name.startsWith("app/classpath/") && name.endsWith(".jar")) {
          secrets.addAll(secretsIn(name, file.getValue()));
        }
      }
    }
    assertThat(sizes.getOrDefault("app/aot/" + service + ".aot", 0))
        .as("the AOT cache of the training run")
        .isGreaterThan(1 << 20);
    assertThat(sizes.keySet())
        .as("the dynamic loader: without it no program of the base image starts")
        .anyMatch(name -> name.endsWith("ld-linux-x86-64.so.2"));
    assertThat(sizes.keySet())
        .as("/tmp is an empty volume")
        .noneMatch(name -> name.startsWith("tmp/") && !name.equals("tmp/"));
    assertThat(layers)
        .as("the base, then dependencies, resources and classes apart")
        .isGreaterThanOrEqualTo(4);
    assertThat(secrets).isEmpty();
  }

  private static boolean isConfiguration(String name) {
    return name.startsWith("app/resources/")
        || name.endsWith(".yaml")
        || name.endsWith(".yml")
        || name.endsWith(".properties");
  }

  private static List<String> secretsIn(String jar, byte[] content) throws java.io.IOException {
    List<String> secrets = new ArrayList<>();
    try (java.util.zip.ZipInputStream zip =
        new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(content))) {
      for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        String name = jar + "!/" + entry.getName();
        if (SECRET_FILE.matcher(entry.getName()).matches()) {
          secrets.add(name);
        }
        if (isConfiguration(entry.getName())
            && SECRET_TEXT.matcher(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).find()) {
          secrets.add(name + " (content)");
        }
      }
    }
    return secrets;
  }
}
