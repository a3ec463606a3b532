package com.saldo.client;

import static com.saldo.client.Transport.Safety.IDEMPOTENT;

import com.saldo.client.model.Account;
import com.saldo.client.model.AccountChange;
import com.saldo.client.model.NewAccount;
import com.saldo.client.model.Page;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** Accounts: open, read, find by external reference, freeze, close, change bounds. */
public final class Accounts {

  private final Transport transport;

  Accounts(Transport transport) {
    this.transport = transport;
  }

  /**
   * Opens an account, or answers the one opened before with the same id and fields. The id is made
   * here when the account has none, so a retry never opens two.
   */
  @Endpoint("POST /v1/accounts")
  public Account create(NewAccount account) {
    UUID id = account.id() == null ? UUID.randomUUID() : account.id();
    return transport
        .json("POST", "/v1/accounts", account.body(id), IDEMPOTENT, Account.class)
        .body();
  }

  /** The account as the primary has it: every transfer acknowledged before this call shows. */
  @Endpoint("GET /v1/accounts/{id}")
  public Account get(UUID id) {
    return transport
        .json("GET", Query.of("/v1/accounts/%s", id).toString(), null, IDEMPOTENT, Account.class)
        .body();
  }

  /** A page of the tenant's accounts, filtered by external reference when it is not null. */
  @Endpoint("GET /v1/accounts")
  public Page<Account> list(String externalRef, String cursor, Integer limit) {
    String path =
        Query.of("/v1/accounts")
            .param("externalRef", externalRef)
            .param("cursor", cursor)
            .param("limit", limit)
            .toString();
    return Pages.read(transport.tree("GET", path, null, IDEMPOTENT), Account.class);
  }

  /**
   * A page of the accounts whose metadata holds {@code key} with {@code value} (the text, or the
   * number or boolean it spells). ({@code GET /v1/accounts?metadataKey=&metadataValue=})
   */
  public Page<Account> withMetadata(String key, String value, String cursor, Integer limit) {
    String path =
        Query.of("/v1/accounts")
            .param("metadataKey", key)
            .param("metadataValue", value)
            .param("cursor", cursor)
            .param("limit", limit)
            .toString();
    return Pages.read(transport.tree("GET", path, null, IDEMPOTENT), Account.class);
  }

  /** Every account of the tenant, a page at a time. */
  public Stream<Account> stream() {
    return Pages.walk(cursor -> list(null, cursor, 1000));
  }

  /** The account with this external reference (such as a loyalty card number), if any. */
  public Optional<Account> findByExternalRef(String externalRef) {
    return list(externalRef, null, 1).data().stream().findFirst();
  }

  /** Changes status, bounds or metadata; a change that changes nothing is answered as it was. */
  @Endpoint("PATCH /v1/accounts/{id}")
  public Account update(UUID id, AccountChange change) {
    return transport
        .json(
            "PATCH",
            Query.of("/v1/accounts/%s", id).toString(),
            change.body(),
            IDEMPOTENT,
            Account.class)
        .body();
  }
}
