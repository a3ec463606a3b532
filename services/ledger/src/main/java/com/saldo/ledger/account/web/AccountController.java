package com.saldo.ledger.account.web;

import com.saldo.api.Cursors;
import com.saldo.api.Fields;
import com.saldo.api.JsonBodies;
import com.saldo.api.Page;
import com.saldo.api.Params;
import com.saldo.identity.CallerIdentity;
import com.saldo.identity.Scope;
import com.saldo.ledger.LedgerLimits;
import com.saldo.ledger.account.Account;
import com.saldo.ledger.account.AccountChange;
import com.saldo.ledger.account.AccountKey;
import com.saldo.ledger.account.AccountOutcome;
import com.saldo.ledger.account.AccountRejection;
import com.saldo.ledger.account.AccountStatus;
import com.saldo.ledger.account.Accounts;
import com.saldo.ledger.account.ChangeAccount;
import com.saldo.ledger.account.NewAccount;
import com.saldo.ledger.account.OpenAccount;
import com.saldo.ledger.json.AccountView;
import com.saldo.money.Balance;
import com.saldo.money.CurrencyCode;
import com.saldo.problem.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Open, read, list and change accounts. */
@RestController
public class AccountController {

  private static final String LIST = "a";
  private static final Set<String> OPEN_FIELDS =
      Set.of("id", "currency", "externalRef", "minBalance", "maxBalance", "metadata");
  private static final Set<String> CHANGE_FIELDS =
      Set.of("status", "minBalance", "maxBalance", "metadata");
  private static final Set<String> STATUSES = Set.of("active", "frozen", "closed");

  private final OpenAccount open;
  private final ChangeAccount change;
  private final Accounts accounts;
  private final LedgerLimits limits;
  private final Supplier<UUID> ids;

  public AccountController(
      OpenAccount open,
      ChangeAccount change,
      Accounts accounts,
      LedgerLimits limits,
      Supplier<UUID> ids) {
    this.open = open;
    this.change = change;
    this.accounts = accounts;
    this.limits = limits;
    this.ids = ids;
  }

  @PostMapping("/v1/accounts")
  public ResponseEntity<AccountView> open(
      CallerIdentity caller, HttpServletRequest http, @RequestBody(required = false) byte[] body) {
    caller.require(Scope.ACCOUNTS_WRITE);
    Fields fields = Fields.of(JsonBodies.object(http, body)).allowOnly(OPEN_FIELDS);
    UUID id = fields.optionalUuid("id");
    String currency = fields.requiredString("currency", 3);
    if (currency != null && !CurrencyCode.isValid(currency)) {
      fields.fail("currency", "must be an ISO 4217 currency code such as EUR");
    }
    String externalRef = fields.optionalString("externalRef", limits.stringLengthMax());
    Long min =
        fields.isPresentEvenIfNull("minBalance")
            ? fields.optionalLong("minBalance", Balance.MIN, 0)
            : Long.valueOf(0);
    Long max = fields.optionalLong("maxBalance", 0, Balance.MAX);
    String metadata =
        fields.metadata("metadata", limits.metadataBytesMax(), limits.metadataKeysMax());
    fields.done();
    NewAccount request =
        new NewAccount(
            caller.tenantId(),
            id == null ? ids.get() : id,
            currency,
            externalRef,
            min,
            max,
            metadata);
    return switch (open.open(request)) {
      case AccountOutcome.Done(Account a) ->
          ResponseEntity.created(URI.create("/v1/accounts/" + a.id())).body(AccountView.of(a));
      case AccountOutcome.Unchanged(Account a) -> ResponseEntity.ok(AccountView.of(a));
      case AccountOutcome.Rejected(AccountRejection reason) ->
          throw AccountProblems.of(reason, request.id());
    };
  }

  @GetMapping("/v1/accounts/{id}")
  public AccountView get(CallerIdentity caller, @PathVariable("id") String id) {
    caller.require(Scope.ACCOUNTS_READ);
    AccountKey key = new AccountKey(caller.tenantId(), Params.uuid("id", id));
    return accounts
        .find(key)
        .map(AccountView::of)
        .orElseThrow(() -> AccountProblems.of(AccountRejection.ACCOUNT_NOT_FOUND, key.id()));
  }

  @GetMapping("/v1/accounts")
  public Page<AccountView> list(
      CallerIdentity caller,
      @RequestParam(name = "externalRef", required = false) String externalRef,
      @RequestParam(name = "metadataKey", required = false) String metadataKey,
      @RequestParam(name = "metadataValue", required = false) String metadataValue,
      @RequestParam(name = "cursor", required = false) String cursor,
      @RequestParam(name = "limit", required = false) String limit) {
    caller.require(Scope.ACCOUNTS_READ);
    String ref = Params.text("externalRef", externalRef, limits.stringLengthMax());
    String key = Params.text("metadataKey", metadataKey, limits.stringLengthMax());
    String value = Params.text("metadataValue", metadataValue, limits.stringLengthMax());
    if ((key == null) != (value == null) || (key != null && key.isEmpty())) {
      throw ProblemException.invalid(
          key == null ? "metadataKey" : "metadataValue",
          "metadataKey and metadataValue go together, and the key is not empty");
    }
    Accounts.MetadataMatch metadata = key == null ? null : new Accounts.MetadataMatch(key, value);
    int size = Params.limit(limit, limits.pageSizeDefault(), limits.pageSizeMax());
    Cursors.Position after = Cursors.decode(LIST, cursor);
    List<Account> page =
        accounts.list(caller.tenantId(), ref, metadata, after == null ? null : after.id(), size);
    return Page.of(page, size, AccountView::of, last -> Cursors.encode(LIST, 0, last.id()));
  }

  @PatchMapping("/v1/accounts/{id}")
  public AccountView change(
      CallerIdentity caller,
      HttpServletRequest http,
      @PathVariable("id") String id,
      @RequestBody(required = false) byte[] body) {
    caller.require(Scope.ACCOUNTS_WRITE);
    AccountKey key = new AccountKey(caller.tenantId(), Params.uuid("id", id));
    Fields fields = Fields.of(JsonBodies.object(http, body)).allowOnly(CHANGE_FIELDS);
    String status = fields.optionalChoice("status", STATUSES);
    Long min = fields.optionalLong("minBalance", Balance.MIN, Balance.MAX);
    Long max = fields.optionalLong("maxBalance", Balance.MIN, Balance.MAX);
    String metadata =
        fields.isGiven("metadata")
            ? fields.metadata("metadata", limits.metadataBytesMax(), limits.metadataKeysMax())
            : null;
    fields.done();
    AccountChange request =
        new AccountChange(
            status == null ? null : AccountStatus.parse(status).orElseThrow(),
            fields.isPresentEvenIfNull("minBalance"),
            min,
            fields.isPresentEvenIfNull("maxBalance"),
            max,
            metadata);
    return switch (change.change(key, request)) {
      case AccountOutcome.Done(Account a) -> AccountView.of(a);
      case AccountOutcome.Unchanged(Account a) -> AccountView.of(a);
      case AccountOutcome.Rejected(AccountRejection reason) ->
          throw AccountProblems.of(reason, key.id());
    };
  }
}
