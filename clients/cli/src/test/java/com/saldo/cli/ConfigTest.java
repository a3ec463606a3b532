package com.saldo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

  @TempDir Path home;

  private void profiles(String text) throws Exception {
    Path file = home.resolve(".config/saldo/profiles.toml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void theEnvironmentWinsOverTheProfileAndTheProfileOverTheDefault() throws Exception {
    Path key = home.resolve("staging.key");
    Files.writeString(key, "sk_from_file\n");
    profiles(
        """
        # two places
        [default]
        url = "http://default:8080"
        api_key = "sk_default"

        [staging]
        url = "https://staging.example.com"   # a comment
        api_key_file = "%s"
        """
            .formatted(key));
    assertThat(Config.load(Map.of(), home, null, null))
        .isEqualTo(new Config("http://default:8080", "sk_default"));
    assertThat(Config.load(Map.of(), home, "staging", null))
        .isEqualTo(new Config("https://staging.example.com", "sk_from_file"));
    assertThat(
            Config.load(
                Map.of("SALDO_PROFILE", "staging", "SALDO_API_KEY", "sk_env"), home, null, null))
        .isEqualTo(new Config("https://staging.example.com", "sk_env"));
    assertThat(Config.load(Map.of("SALDO_URL", "http://env"), home, null, "http://option").url())
        .isEqualTo("http://option");
  }

  @Test
  void withNothingConfiguredItIsTheLocalDefault() {
    assertThat(Config.load(Map.of(), home, null, null).url()).isEqualTo(Config.DEFAULT_URL);
  }

  @Test
  void aNamedProfileThatDoesNotExistOrABrokenFileIsAnError() throws Exception {
    profiles("[default]\nurl = \"x\"\n");
    assertThatThrownBy(() -> Config.load(Map.of(), home, "nope", null))
        .isInstanceOf(Config.ConfigException.class)
        .hasMessageContaining("no profile [nope]");
    profiles("[default]\nurl \"x\"\n");
    assertThatThrownBy(() -> Config.load(Map.of(), home, null, null))
        .hasMessageContaining(":2: expected key");
    profiles("[default]\nurl = \"x\n");
    assertThatThrownBy(() -> Config.load(Map.of(), home, null, null))
        .hasMessageContaining("unterminated");
  }

  @Test
  void exitCodesFollowWhatWentWrong() {
    assertThat(Cli.exitCode(new Config.ConfigException("x"))).isEqualTo(Cli.USAGE);
    assertThat(
            Cli.exitCode(
                new com.saldo.client.error.ConnectionFailedException(
                    "x", new java.io.IOException())))
        .isEqualTo(Cli.UNAVAILABLE);
  }
}
