package com.saldo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that the `saldo` launcher finds a JDK 25 where the machine's default `java` is older, and
 * says in one line what it needs and where it looked when there is none.
 */
class LauncherJdkTest {

  @TempDir Path dir;
  private Path launcher;
  private Path olderOnPath;

  @BeforeEach
  void fakeJdks() throws IOException {
    launcher = repositoryRoot().resolve("saldo");
    olderOnPath = fakeJdk(dir.resolve("debian/java-17"), "17.0.15", false);
  }

  @Test
  void takesTheNewestInstalledJdkWhenTheDefaultJavaIsOlder() throws Exception {
    fakeJdk(dir.resolve("jvm/jdk-21"), "21.0.4", true);
    fakeJdk(dir.resolve("jvm/temurin-25"), "25.0.3", true);
    Path jdk26 = fakeJdk(dir.resolve("jvm/jdk-26"), "26", true);
    fakeJre(dir.resolve("jvm/jre-27"), "27");

    Run run = saldo(null, dir.resolve("jvm").toString());

    assertThat(run.exit()).isZero();
    assertThat(run.out().strip()).isEqualTo(jdk26.toString());
  }

  @Test
  void takesJavaHomeWhenItIsNewEnough() throws Exception {
    Path home = fakeJdk(dir.resolve("home/jdk-25"), "25.0.1", false);
    fakeJdk(dir.resolve("jvm/jdk-26"), "26", true);

    Run run = saldo(home.toString(), dir.resolve("jvm").toString());

    assertThat(run.exit()).isZero();
    assertThat(run.out().strip()).isEqualTo(home.toString());
  }

  @Test
  void passesOverAnOlderJavaHome() throws Exception {
    Path jdk25 = fakeJdk(dir.resolve("jvm/jdk-25"), "25", true);

    Run run = saldo(olderOnPath.toString(), dir.resolve("jvm").toString());

    assertThat(run.exit()).isZero();
    assertThat(run.out().strip()).isEqualTo(jdk25.toString());
  }

  @Test
  void saysInOneLineWhatItNeedsAndWhereItLookedWhenNoJdkIsNewEnough() throws Exception {
    fakeJdk(dir.resolve("jvm/jdk-21"), "21.0.4", true);
    fakeJre(dir.resolve("jvm/jre-25"), "25");
    String dirs = dir.resolve("jvm") + " " + dir.resolve("nowhere");

    Run run = saldo(null, dirs);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err())
        .contains("needs a JDK 25 or newer")
        .contains("JAVA_HOME (unset)")
        .contains("java on the PATH (" + olderOnPath + ", 17)")
        .contains(dirs);
  }

  private Run saldo(String javaHome, String jdkDirs) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", launcher.toString(), "jdk");
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("HOME", dir.toString());
    env.put("PATH", olderOnPath.resolve("bin") + ":/usr/bin:/bin");
    env.put("SALDO_JDK_DIRS", jdkDirs);
    if (javaHome != null) {
      env.put("JAVA_HOME", javaHome);
    }
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the launcher answers").isTrue();
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private record Run(int exit, String out, String err) {}

  /**
   * A JDK that is only shell scripts: its java prints the version the way a real one does. With
   * {@code releaseFile} the version is also in the release file, as in an installed JDK.
   */
  private static Path fakeJdk(Path home, String version, boolean releaseFile) throws IOException {
    fakeJre(home, version);
    script(home.resolve("bin/javac"), "echo javac " + version);
    if (releaseFile) {
      Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    }
    return home;
  }

  private static Path fakeJre(Path home, String version) throws IOException {
    script(
        home.resolve("bin/java"),
        "echo 'openjdk version \"" + version + "\" 2025-04-15' >&2\nexit 0");
    return home;
  }

  private static void script(Path file, String body) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  static Path repositoryRoot() {
    Path path = Path.of("").toAbsolutePath();
    while (!Files.exists(path.resolve("saldo")) || !Files.exists(path.resolve("mvnw"))) {
      path = path.getParent();
      assertThat(path).as("the repository's root above the working directory").isNotNull();
    }
    return path;
  }
}
