package com.saldo.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's OCI image as Jib writes it to a tar ({@code docker save} layout), unpacked into a
 * folder so that its own Java runtime can run its own class path on this machine: what the image's
 * build trains its AOT cache on, and what the benchmark's cold-start mode times.
 *
 * <p>The image's {@code /app} lives under the folder instead of at the root; the JDK accepts an AOT
 * cache whose class path moved that way as long as every jar is the same (size and modification
 * time, which Jib fixes), so a cache written here serves the container and the reverse. Uses the
 * JDK and Jackson only: the benchmark depends on this class without the rest of this library.
 */
public final class ContainerImage {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The Java runtime's place in Saldo's base images (Temurin's and the local one alike). */
  private static final String JAVA = "opt/java/openjdk/bin/java";

  private final Path root;
  private final JsonNode config;

  private ContainerImage(Path root, JsonNode config) {
    this.root = root;
    this.config = config;
  }

  /** Unpacks {@code tar}'s layers, in order, into {@code work/rootfs}; {@code work} is emptied. */
  public static ContainerImage unpack(Path tar, Path work)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(tar)) {
      throw new IllegalArgumentException("no image at " + tar);
    }
    delete(work);
    Path layers = work.resolve("layers");
    Path root = work.resolve("rootfs");
    Files.createDirectories(layers);
    Files.createDirectories(root);
    untar(tar, layers);
    JsonNode manifest = JSON.readTree(layers.resolve("manifest.json").toFile()).get(0);
    for (JsonNode layer : manifest.get("Layers")) {
      untar(layers.resolve(layer.asString()), root);
    }
    JsonNode config =
        JSON.readTree(layers.resolve(manifest.get("Config").asString()).toFile()).get("config");
    ContainerImage image = new ContainerImage(root, config);
    if (!Files.isExecutable(image.java())) {
      throw new IllegalStateException("the image has no Java runtime at /" + JAVA + ": " + tar);
    }
    return image;
  }

  public Path root() {
    return root;
  }

  public Path java() {
    return root.resolve(JAVA);
  }

  /** The image's class path, moved under the folder. */
  public String classPath() throws IOException {
    return Files.readString(root.resolve("app/jib-classpath-file"))
        .strip()
        .replace("/app/", root.resolve("app") + "/");
  }

  public String mainClass() throws IOException {
    return Files.readString(root.resolve("app/jib-main-class-file")).strip();
  }

  /** The JVM flags of the entrypoint: what stands between {@code java} and {@code -cp}. */
  public List<String> jvmFlags() {
    List<String> flags = new ArrayList<>();
    JsonNode entrypoint = config.get("Entrypoint");
    for (int i = 1; i < entrypoint.size() && !entrypoint.get(i).asString().equals("-cp"); i++) {
      flags.add(entrypoint.get(i).asString());
    }
    return flags;
  }

  /** The AOT cache the entrypoint names, moved under the folder; null where it names none. */
  public Path aotCache() {
    for (String flag : jvmFlags()) {
      if (flag.startsWith("-XX:AOTCache=/")) {
        return root.resolve(flag.substring("-XX:AOTCache=/".length()));
      }
    }
    return null;
  }

  /** The image's {@code JAVA_TOOL_OPTIONS} (heap sizing, the collector), or "". */
  public String javaToolOptions() {
    for (JsonNode variable : config.path("Env")) {
      String entry = variable.asString();
      if (entry.startsWith("JAVA_TOOL_OPTIONS=")) {
        return entry.substring("JAVA_TOOL_OPTIONS=".length());
      }
    }
    return "";
  }

  /**
   * The command the container runs, here: its java, then {@code flags} (the entrypoint's, with its
   * cache moved, or whatever the caller chose instead), its class path and main class.
   */
  public List<String> command(List<String> flags) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(java().toString());
    command.addAll(flags);
    command.addAll(List.of("-cp", classPath(), mainClass()));
    return command;
  }

  /** The entrypoint's flags with the AOT cache's path moved under the folder. */
  public List<String> relocatedFlags() {
    return jvmFlags().stream()
        .map(f -> f.startsWith("-XX:AOTCache=/") ? "-XX:AOTCache=" + aotCache() : f)
        .toList();
  }

  private static void untar(Path tar, Path into) throws IOException, InterruptedException {
    Process tarProcess =
        new ProcessBuilder("tar", "-xf", tar.toAbsolutePath().toString(), "-C", into.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(tarProcess.getInputStream().readAllBytes());
    if (tarProcess.waitFor() != 0) {
      throw new IllegalStateException("tar -xf " + tar + " failed: " + output);
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
