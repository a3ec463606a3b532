package com.saldo.local;

import java.nio.file.Path;
import java.util.Map;

/** What {@code ./saldo up} was asked for, from its arguments and the environment. */
record Options(
    boolean fresh,
    int replicas,
    Path home,
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    int postgresPort,
    String operatorKey,
    boolean spannerEmulator,
    int spannerEmulatorPort) {

  static final String USAGE =
      """
      usage: ./saldo up [--fresh] [--replicas N] [--home DIR] [--spanner-emulator]
        --fresh        start with an empty embedded database (the old one is deleted)
        --replicas N   run N instances of every service (1..9; ports +100 each); every
                       gateway balances over all instances of each service
        --home DIR     where the embedded database, logs and keys live (default ./.saldo)
        --spanner-emulator
                       run on the installed Spanner emulator instead of PostgreSQL (its data
                       lives in memory and is gone when it stops); the webhooks service does
                       not run on Spanner yet and is not started
      environment:
        SALDO_DATABASE_URL, SALDO_DATABASE_USER, SALDO_DATABASE_PASSWORD
                     use this PostgreSQL instead of the embedded one
        SALDO_POSTGRES_PORT            port of the embedded PostgreSQL (default 54329)
        SALDO_BOOTSTRAP_OPERATOR_KEY   the first operator key (sk_..., at least 32 characters)
        SALDO_SPANNER_EMULATOR         the emulator's emulator_main, if not in the Cloud SDK
        SALDO_SPANNER_EMULATOR_PORT    its port with --spanner-emulator (default 9010)
      """;

  static Options parse(String[] args, Map<String, String> env) {
    boolean fresh = false;
    boolean spanner = false;
    int replicas = 1;
    Path home = Path.of(".saldo");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--fresh" -> fresh = true;
        case "--spanner-emulator" -> spanner = true;
        case "--replicas" -> {
          if (i + 1 >= args.length || !args[i + 1].matches("[1-9]")) {
            throw new IllegalArgumentException("--replicas needs a number from 1 to 9");
          }
          replicas = Integer.parseInt(args[++i]);
        }
        case "--home" -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("--home needs a directory");
          }
          home = Path.of(args[++i]);
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    String key = env.get("SALDO_BOOTSTRAP_OPERATOR_KEY");
    if (key != null && (!key.startsWith("sk_") || key.length() < 32)) {
      throw new IllegalArgumentException(
          "SALDO_BOOTSTRAP_OPERATOR_KEY must start with sk_ and be at least 32 characters");
    }
    int port = Integer.parseInt(env.getOrDefault("SALDO_POSTGRES_PORT", "54329"));
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("SALDO_POSTGRES_PORT must be a port number");
    }
    int spannerPort = Integer.parseInt(env.getOrDefault("SALDO_SPANNER_EMULATOR_PORT", "9010"));
    if (spannerPort < 1 || spannerPort > 65535) {
      throw new IllegalArgumentException("SALDO_SPANNER_EMULATOR_PORT must be a port number");
    }
    if (spanner && env.get("SALDO_DATABASE_URL") != null) {
      throw new IllegalArgumentException(
          "--spanner-emulator runs on the emulator; SALDO_DATABASE_URL names a PostgreSQL");
    }
    return new Options(
        fresh,
        replicas,
        home.toAbsolutePath(),
        env.get("SALDO_DATABASE_URL"),
        env.getOrDefault("SALDO_DATABASE_USER", "postgres"),
        env.getOrDefault("SALDO_DATABASE_PASSWORD", "postgres"),
        port,
        key,
        spanner,
        spannerPort);
  }
}
