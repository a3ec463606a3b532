package com.saldo.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the CLI finds Saldo and its key. The environment first ({@code SALDO_URL}, {@code
 * SALDO_API_KEY}), then the profile ({@code --profile}, else {@code SALDO_PROFILE}, else {@code
 * default}) of {@code ~/.config/saldo/profiles.toml}:
 *
 * <pre>
 * [default]
 * url = "http://localhost:8080"
 * api_key_file = "/home/me/.config/saldo/default.key"   # or: api_key = "sk_..."
 * </pre>
 *
 * and last, for a checkout where {@code ./saldo up} ran, the operator key it wrote to {@code
 * .saldo/operator-key}.
 */
record Config(String url, String apiKey) {

  /** A configuration that cannot be used. */
  static final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
      super(message);
    }
  }

  static final String DEFAULT_URL = "http://localhost:8080";
  private static final int PROFILE_BYTES_MAX = 64 * 1024;

  static Config load(Map<String, String> env, Path home, String profileOption, String urlOption) {
    String name =
        profileOption != null ? profileOption : env.getOrDefault("SALDO_PROFILE", "default");
    Path file = home.resolve(".config/saldo/profiles.toml");
    Map<String, String> profile = Files.isRegularFile(file) ? read(file, name) : Map.of();
    if (profileOption != null && profile.isEmpty()) {
      throw new ConfigException("no profile [" + name + "] in " + file);
    }
    String url = first(urlOption, env.get("SALDO_URL"), profile.get("url"), DEFAULT_URL);
    String key = first(env.get("SALDO_API_KEY"), profile.get("api_key"));
    if (key == null && profile.containsKey("api_key_file")) {
      key = readKey(Path.of(profile.get("api_key_file")));
    }
    if (key == null && Files.isRegularFile(Path.of(".saldo/operator-key"))) {
      key = readKey(Path.of(".saldo/operator-key"));
    }
    return new Config(url, key);
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  private static String readKey(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new ConfigException("cannot read the key file " + file + ": " + e.getMessage());
    }
  }

  /** The keys of one [section] of a TOML file of plain string values. */
  static Map<String, String> read(Path file, String section) {
    List<String> lines;
    try {
      if (Files.size(file) > PROFILE_BYTES_MAX) {
        throw new ConfigException(file + " is larger than " + PROFILE_BYTES_MAX + " bytes");
      }
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage());
    }
    Map<String, String> values = new HashMap<>();
    String current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[")) {
        if (!line.endsWith("]")) {
          throw new ConfigException(file + ":" + (i + 1) + ": a section is [name]");
        }
        current = line.substring(1, line.length() - 1).strip();
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new ConfigException(file + ":" + (i + 1) + ": expected key = \"value\"");
      }
      if (section.equals(current)) {
        values.put(line.substring(0, eq).strip(), unquote(file, i + 1, line.substring(eq + 1)));
      }
    }
    return values;
  }

  private static String unquote(Path file, int line, String raw) {
    String value = raw.strip();
    int comment = value.indexOf(" #");
    if (value.startsWith("\"")) {
      int end = value.indexOf('"', 1);
      if (end < 0) {
        throw new ConfigException(file + ":" + line + ": an unterminated string");
      }
      return value.substring(1, end);
    }
    return (comment < 0 ? value : value.substring(0, comment)).strip();
  }
}
