package com.saldo.cli;

import com.saldo.client.model.Page;
import com.saldo.client.model.Tenant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "tenants",
    description = "Tenants (an operator key).",
    subcommands = {TenantsCommand.Create.class, TenantsCommand.ListTenants.class})
final class TenantsCommand {

  @Command(name = "create", description = "Create a tenant.")
  static final class Create extends Base {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      show(saldo().tenants().create(name));
      return 0;
    }
  }

  @Command(name = "list", description = "List tenants.")
  static final class ListTenants extends Base {
    @Option(names = "--limit", defaultValue = "100")
    int limit;

    @Option(names = "--cursor")
    String cursor;

    @Override
    public Integer call() {
      Page<Tenant> page = saldo().tenants().list(cursor, limit);
      list(
          page.data(),
          List.of("id", "name", "createdAt"),
          t -> List.of(t.id(), t.name(), t.createdAt()));
      if (!page.last()) {
        note("more: --cursor " + page.nextCursor());
      }
      return 0;
    }
  }
}
