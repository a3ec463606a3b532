package com.saldo.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment one more replica of a service needs to join a running Saldo, as a file of {@code
 * KEY=value} lines (as {@code env} and systemd read it), readable by its owner only since it holds
 * the keys: {@code ./saldo up} writes {@code .saldo/environment}, and {@code ./saldo bench
 * cold-start} starts a replica with it.
 */
public final class EnvironmentFile {

  private EnvironmentFile() {}

  public static void write(Path file, Map<String, String> environment) throws IOException {
    StringBuilder text =
        new StringBuilder("# written by ./saldo up: what one more replica needs to join it\n");
    new TreeMap<>(environment)
        .forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    Secrets.writeOwnerOnly(file, text.toString());
  }
}
