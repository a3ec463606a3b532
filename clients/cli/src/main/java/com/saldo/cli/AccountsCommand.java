package com.saldo.cli;

import com.saldo.client.model.Account;
import com.saldo.client.model.AccountChange;
import com.saldo.client.model.Bound;
import com.saldo.client.model.NewAccount;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "accounts",
    description = "Accounts: open, show, find, list, freeze, unfreeze, close.",
    subcommands = {
      AccountsCommand.Create.class,
      AccountsCommand.Get.class,
      AccountsCommand.Find.class,
      AccountsCommand.ListAccounts.class,
      AccountsCommand.Freeze.class,
      AccountsCommand.Unfreeze.class,
      AccountsCommand.Close.class
    })
final class AccountsCommand {

  static final List<String> COLUMNS =
      List.of("id", "externalRef", "currency", "status", "posted", "held", "available");

  static List<Object> row(Account a) {
    return List.of(
        a.id(),
        a.externalRef() == null ? "" : a.externalRef(),
        a.currency(),
        a.status(),
        a.balance().posted(),
        a.balance().held(),
        a.balance().available());
  }

  /** {@code none} for no bound, else minor units. */
  static Bound bound(String text) {
    if (text == null) {
      return null;
    }
    if (text.equals("none")) {
      return Bound.none();
    }
    try {
      return Bound.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a bound is minor units or 'none', not '" + text + "'");
    }
  }

  @Command(name = "create", description = "Open an account.")
  static final class Create extends Base {
    @Option(names = "--currency", required = true)
    String currency;

    @Option(names = "--external-ref", description = "such as the loyalty card number")
    String externalRef;

    @Option(names = "--min-balance", description = "minor units, or 'none' (default 0)")
    String minBalance;

    @Option(names = "--max-balance", description = "minor units, or 'none' (the default)")
    String maxBalance;

    @Option(names = "--id", description = "the account's id (made if absent)")
    UUID id;

    @Override
    public Integer call() {
      NewAccount account =
          NewAccount.of(currency)
              .withId(id)
              .withExternalRef(externalRef)
              .withMinBalance(bound(minBalance))
              .withMaxBalance(bound(maxBalance));
      show(saldo().accounts().create(account));
      return 0;
    }
  }

  @Command(name = "get", description = "Show an account.")
  static final class Get extends Base {
    @Parameters(paramLabel = "ACCOUNT")
    UUID id;

    @Override
    public Integer call() {
      show(saldo().accounts().get(id));
      return 0;
    }
  }

  @Command(name = "find", description = "Find an account by its external reference.")
  static final class Find extends Base {
    @Parameters(paramLabel = "EXTERNAL_REF")
    String externalRef;

    @Override
    public Integer call() {
      var found = saldo().accounts().findByExternalRef(externalRef);
      if (found.isEmpty()) {
        note("no account has the external reference " + externalRef);
        return Cli.NOT_FOUND;
      }
      show(found.get());
      return 0;
    }
  }

  @Command(name = "list", description = "List accounts.")
  static final class ListAccounts extends Base {
    @Mixin Paging paging;

    @Override
    public Integer call() {
      page(
          saldo().accounts().list(null, paging.cursor, paging.limit),
          COLUMNS,
          AccountsCommand::row);
      return 0;
    }
  }

  abstract static class Change extends Base {
    @Parameters(paramLabel = "ACCOUNT")
    UUID id;

    abstract AccountChange change();

    @Override
    public Integer call() {
      show(saldo().accounts().update(id, change()));
      return 0;
    }
  }

  @Command(name = "freeze", description = "Freeze: no debits or holds, credits still allowed.")
  static final class Freeze extends Change {
    @Override
    AccountChange change() {
      return AccountChange.freeze();
    }
  }

  @Command(name = "unfreeze", description = "Make a frozen account active again.")
  static final class Unfreeze extends Change {
    @Override
    AccountChange change() {
      return AccountChange.unfreeze();
    }
  }

  @Command(name = "close", description = "Close for good (zero balance, no open holds).")
  static final class Close extends Change {
    @Override
    AccountChange change() {
      return AccountChange.close();
    }
  }
}
