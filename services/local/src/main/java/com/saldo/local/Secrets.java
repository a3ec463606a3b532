package com.saldo.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets of a local Saldo, made at the first start and kept (readable by their owner only) so
 * that later starts use them again: the first operator key, unless the environment gives one, and
 * the key the gateway signs identities with, and the key that seals webhook signing secrets.
 */
final class Secrets {

  private Secrets() {}

  record Key(String value, boolean generated) {}

  static Key operatorKey(String fromEnvironment, Path home) throws IOException {
    if (fromEnvironment != null) {
      return new Key(fromEnvironment, false);
    }
    return kept(home.resolve("operator-key"), () -> "sk_op_" + random());
  }

  static Key identityKey(String fromEnvironment, Path home) throws IOException {
    if (fromEnvironment != null) {
      return new Key(fromEnvironment, false);
    }
    return kept(home.resolve("identity-key"), () -> Base64.getEncoder().encodeToString(bytes()));
  }

  static Key webhooksKey(String fromEnvironment, Path home) throws IOException {
    if (fromEnvironment != null) {
      return new Key(fromEnvironment, false);
    }
    return kept(home.resolve("webhooks-key"), () -> Base64.getEncoder().encodeToString(bytes()));
  }

  private static Key kept(Path file, java.util.function.Supplier<String> make) throws IOException {
    if (Files.exists(file)) {
      return new Key(Files.readString(file).strip(), false);
    }
    String value = make.get();
    writeOwnerOnly(file, value + "\n");
    return new Key(value, true);
  }

  /** Writes {@code text} to a file that only its owner can read, made so before it holds it. */
  static void writeOwnerOnly(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    if (!Files.exists(file)) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    Files.writeString(file, text);
  }

  private static byte[] bytes() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return secret;
  }

  private static String random() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes());
  }
}
