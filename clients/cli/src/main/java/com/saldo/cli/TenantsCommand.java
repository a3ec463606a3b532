package com.saldo.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    @Mixin Paging paging;

    @Override
    public Integer call() {
      page(
          saldo().tenants().list(paging.cursor, paging.limit),
          List.of("id", "name", "createdAt"),
          t -> List.of(t.id(), t.name(), t.createdAt()));
      return 0;
    }
  }
}
