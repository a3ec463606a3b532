package com.saldo.client;

import static com.saldo.client.Transport.Safety.IDEMPOTENT;

import com.saldo.client.model.BalanceAsOf;
import com.saldo.client.model.Entry;
import com.saldo.client.model.Page;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An account's history, served by the query service from a replica: entries, the balance at a time,
 * statements. Each page says how current it is ({@link Page#consistentAsOf()}).
 */
public final class History {

  private static final Duration STATEMENT_TIMEOUT = Duration.ofMinutes(10);

  private final Transport transport;

  History(Transport transport) {
    this.transport = transport;
  }

  /** A page of the account's entries, newest first, between {@code from} and {@code to}. */
  @Endpoint("GET /v1/accounts/{id}/entries")
  public Page<Entry> entries(UUID account, Instant from, Instant to, String cursor, Integer limit) {
    String path =
        Query.of("/v1/accounts/%s/entries", account)
            .param("from", from)
            .param("to", to)
            .param("cursor", cursor)
            .param("limit", limit)
            .toString();
    return Pages.read(transport.tree("GET", path, null, IDEMPOTENT), Entry.class);
  }

  /** Every entry between the times (null for open), newest first, a page at a time. */
  public Stream<Entry> stream(UUID account, Instant from, Instant to) {
    return Pages.walk(cursor -> entries(account, from, to, cursor, 1000));
  }

  /** The posted balance just after every transfer committed at or before {@code asOf}. */
  @Endpoint("GET /v1/accounts/{id}/balance")
  public BalanceAsOf balance(UUID account, Instant asOf) {
    String path = Query.of("/v1/accounts/%s/balance", account).param("asOf", asOf).toString();
    return transport.json("GET", path, null, IDEMPOTENT, BalanceAsOf.class).body();
  }

  /**
   * The posted balance at {@code points} evenly spaced times from {@code from} to {@code to} (null:
   * now), both included, oldest first: a chart in one request.
   */
  @Endpoint("GET /v1/accounts/{id}/balances")
  public List<BalanceAsOf> balances(UUID account, Instant from, Instant to, Integer points) {
    String path =
        Query.of("/v1/accounts/%s/balances", account)
            .param("from", from)
            .param("to", to)
            .param("points", points)
            .toString();
    return Pages.read(transport.tree("GET", path, null, IDEMPOTENT), BalanceAsOf.class).data();
  }

  /**
   * The CSV statement (opening balance, one line per entry, closing balance), streamed as it is
   * written. The caller closes the stream.
   */
  @Endpoint("GET /v1/accounts/{id}/statement")
  public InputStream statement(UUID account, Instant from, Instant to) {
    String path =
        Query.of("/v1/accounts/%s/statement", account)
            .param("from", from)
            .param("to", to)
            .param("format", "csv")
            .toString();
    return transport.stream(path, STATEMENT_TIMEOUT).body();
  }
}
