package com.saldo.cli;

import com.saldo.client.model.ApiKey;
import com.saldo.client.model.NewApiKey;
import com.saldo.client.model.RateLimit;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "keys",
    description = "API keys of a tenant (an operator key, or keys:manage).",
    subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand {

  @Command(name = "create", description = "Create a key; its secret is printed once.")
  static final class Create extends Base {
    @Parameters(paramLabel = "TENANT")
    UUID tenant;

    @Option(names = "--name", required = true)
    String name;

    @Option(
        names = "--scope",
        required = true,
        split = ",",
        description =
            "accounts:read, accounts:write, transfers:read, transfers:write,"
                + " webhooks:manage, keys:manage")
    List<String> scopes;

    @Option(names = "--rate", description = "requests per second")
    Long rate;

    @Option(names = "--burst")
    Long burst;

    @Override
    public Integer call() {
      RateLimit limit = rate == null ? null : new RateLimit(rate, burst == null ? 2 * rate : burst);
      ApiKey key = saldo().tenants().createKey(tenant, new NewApiKey(name, scopes, limit));
      show(key);
      if (!cli().json) {
        note("The key is shown only now: store it where it is needed.");
      }
      return 0;
    }
  }

  @Command(name = "list", description = "List a tenant's keys (never a secret).")
  static final class ListKeys extends Base {
    @Parameters(paramLabel = "TENANT")
    UUID tenant;

    @Mixin Paging paging;

    @Override
    public Integer call() {
      page(
          saldo().tenants().keys(tenant, paging.cursor, paging.limit),
          List.of("id", "name", "scopes", "createdAt", "revokedAt"),
          k ->
              List.of(
                  k.id(),
                  k.name(),
                  String.join(",", k.scopes()),
                  k.createdAt(),
                  k.revokedAt() == null ? "" : k.revokedAt()));
      return 0;
    }
  }

  @Command(name = "revoke", description = "Revoke a key: it answers 401 within 5 s.")
  static final class Revoke extends Base {
    @Parameters(paramLabel = "KEY")
    UUID key;

    @Override
    public Integer call() {
      saldo().tenants().revokeKey(key);
      note("revoked " + key);
      return 0;
    }
  }
}
