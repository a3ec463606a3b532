package com.saldo.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves that `./saldo up` refuses bad options and keeps its keys, private, across starts. */
class OptionsTest {

  @Test
  void parsesFreshAndHome() {
    Options options = Options.parse(new String[] {"--fresh", "--home", "/tmp/x"}, Map.of());
    assertThat(options.fresh()).isTrue();
    assertThat(options.home()).isEqualTo(Path.of("/tmp/x"));
    assertThat(options.postgresPort()).isEqualTo(54329);
    assertThat(options.databaseUrl()).isNull();
  }

  @Test
  void refusesUnknownOptionsAndWeakKeys() {
    assertThatThrownBy(() -> Options.parse(new String[] {"--fast"}, Map.of()))
        .hasMessageContaining("--fast");
    assertThatThrownBy(() -> Options.parse(new String[] {"--home"}, Map.of()))
        .hasMessageContaining("--home");
    assertThatThrownBy(
            () -> Options.parse(new String[0], Map.of("SALDO_BOOTSTRAP_OPERATOR_KEY", "sk_short")))
        .hasMessageContaining("at least 32");
    assertThatThrownBy(
            () ->
                Options.parse(
                    new String[0], Map.of("SALDO_BOOTSTRAP_OPERATOR_KEY", "x".repeat(40))))
        .hasMessageContaining("sk_");
  }

  @Test
  void theGeneratedOperatorKeyIsKeptAndPrivate(@TempDir Path home) throws Exception {
    Secrets.Key first = Secrets.operatorKey(null, home);
    Secrets.Key second = Secrets.operatorKey(null, home);
    assertThat(first.generated()).isTrue();
    assertThat(second.generated()).isFalse();
    assertThat(second.value()).isEqualTo(first.value()).startsWith("sk_").hasSizeGreaterThan(40);
    assertThat(Files.getPosixFilePermissions(home.resolve("operator-key")).toString())
        .isEqualTo("[OWNER_READ, OWNER_WRITE]");
    String given = "sk_" + "a".repeat(40);
    assertThat(Secrets.operatorKey(given, home).value()).isEqualTo(given);
    assertThat(java.util.Base64.getDecoder().decode(Secrets.identityKey(null, home).value()))
        .hasSize(32);
    assertThat(Secrets.identityKey(null, home).generated()).isFalse();
  }

  @Test
  void theSpannerEmulatorIsAskedForByNameOnItsOwnPortAndNotBesideAPostgresql() {
    Options options =
        Options.parse(
            new String[] {"--spanner-emulator"}, Map.of("SALDO_SPANNER_EMULATOR_PORT", "19010"));
    assertThat(options.spannerEmulator()).isTrue();
    assertThat(options.spannerEmulatorPort()).isEqualTo(19010);
    assertThat(Options.parse(new String[0], Map.of()).spannerEmulatorPort()).isEqualTo(9010);
    assertThatThrownBy(
            () ->
                Options.parse(
                    new String[] {"--spanner-emulator"},
                    Map.of("SALDO_DATABASE_URL", "jdbc:postgresql://db/saldo")))
        .hasMessageContaining("SALDO_DATABASE_URL");
    assertThatThrownBy(
            () ->
                Options.parse(
                    new String[] {"--spanner-emulator"},
                    Map.of("SALDO_SPANNER_EMULATOR_PORT", "0")))
        .hasMessageContaining("port");
  }
}
