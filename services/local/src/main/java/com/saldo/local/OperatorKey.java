package com.saldo.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The first operator key: the one given in the environment, or one made at the first start (256
 * random bits) and kept, readable by its owner only, so that later starts use it again.
 */
final class OperatorKey {

  private OperatorKey() {}

  record Key(String value, boolean generated) {}

  static Key resolve(String fromEnvironment, Path home) throws IOException {
    if (fromEnvironment != null) {
      return new Key(fromEnvironment, false);
    }
    Path file = home.resolve("operator-key");
    if (Files.exists(file)) {
      return new Key(Files.readString(file).strip(), false);
    }
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    String key = "sk_op_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Files.createDirectories(home);
    Files.writeString(file, key + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return new Key(key, true);
  }
}
