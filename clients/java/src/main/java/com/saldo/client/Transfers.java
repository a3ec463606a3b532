package com.saldo.client;

import static com.saldo.client.Transport.Safety.IDEMPOTENT;

import com.saldo.client.model.BatchResult;
import com.saldo.client.model.NewTransfer;
import com.saldo.client.model.Page;
import com.saldo.client.model.Transfer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Transfers: payments, top-ups, refunds, holds with their captures and voids, batches.
 *
 * <p>Every write here is idempotent by the transfer's id, so the client sends it again after a
 * timeout, a broken connection, 429, 502, 503 or 504, and Saldo applies it once: an answer of 200
 * (the stored transfer) is the same success as the first 201.
 */
public final class Transfers {

  /** The most transfers one batch may carry. */
  public static final int BATCH_MAX = 1000;

  private final Transport transport;

  Transfers(Transport transport) {
    this.transport = transport;
  }

  /**
   * Makes a transfer and answers it as stored. Its id is made here when it has none (read it from
   * the answer); a refusal throws the exception of its code, such as {@link
   * com.saldo.client.error.InsufficientFundsException}.
   */
  @Endpoint("POST /v1/transfers")
  public Transfer create(NewTransfer transfer) {
    UUID id = transfer.id() == null ? UUID.randomUUID() : transfer.id();
    return transport
        .json("POST", "/v1/transfers", transfer.body(id), IDEMPOTENT, Transfer.class)
        .body();
  }

  @Endpoint("GET /v1/transfers/{id}")
  public Transfer get(UUID id) {
    return transport
        .json("GET", Query.of("/v1/transfers/%s", id).toString(), null, IDEMPOTENT, Transfer.class)
        .body();
  }

  /** Captures a hold: all of it when {@code amount} is null, else that much; the rest is freed. */
  @Endpoint("POST /v1/transfers/{id}/capture")
  public Transfer capture(UUID id, Long amount) {
    Map<String, Object> body = new HashMap<>();
    if (amount != null) {
      body.put("amount", amount);
    }
    return transport
        .json(
            "POST",
            Query.of("/v1/transfers/%s/capture", id).toString(),
            body,
            IDEMPOTENT,
            Transfer.class)
        .body();
  }

  /** Releases a hold. */
  @Endpoint("POST /v1/transfers/{id}/void")
  public Transfer voidHold(UUID id) {
    return transport
        .json(
            "POST",
            Query.of("/v1/transfers/%s/void", id).toString(),
            null,
            IDEMPOTENT,
            Transfer.class)
        .body();
  }

  /**
   * Up to {@link #BATCH_MAX} transfers in one call; the results come in the request's order. Ids
   * are made here for those without, before the first attempt, so a retry resends the same ids.
   * With {@code atomic}, either all are applied or none.
   */
  @Endpoint("POST /v1/transfers/batch")
  public List<BatchResult> batch(List<NewTransfer> transfers, boolean atomic) {
    if (transfers.isEmpty() || transfers.size() > BATCH_MAX) {
      throw new IllegalArgumentException("a batch holds 1 to " + BATCH_MAX + " transfers");
    }
    List<Map<String, Object>> bodies = new ArrayList<>(transfers.size());
    for (NewTransfer t : transfers) {
      bodies.add(t.body(t.id() == null ? UUID.randomUUID() : t.id()));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("transfers", bodies);
    body.put("atomic", atomic);
    JsonNode answer = transport.tree("POST", "/v1/transfers/batch", body, IDEMPOTENT).body();
    List<BatchResult> results = new ArrayList<>(transfers.size());
    for (JsonNode result : answer.path("results")) {
      results.add(Transport.JSON.treeToValue(result, BatchResult.class));
    }
    return results;
  }

  /**
   * A page of transfers, newest first, filtered by what is not null.
   *
   * @param accountId transfers of this account (either side)
   * @param reference transfers with this reference
   * @param from created at or after
   * @param to created before
   */
  @Endpoint("GET /v1/transfers")
  public Page<Transfer> list(
      UUID accountId, String reference, Instant from, Instant to, String cursor, Integer limit) {
    String path =
        Query.of("/v1/transfers")
            .param("accountId", accountId)
            .param("reference", reference)
            .param("from", from)
            .param("to", to)
            .param("cursor", cursor)
            .param("limit", limit)
            .toString();
    return Pages.read(transport.tree("GET", path, null, IDEMPOTENT), Transfer.class);
  }

  /**
   * A page of open holds, newest first: of one account (either side) when {@code accountId} is not
   * null, else of the tenant. ({@code GET /v1/transfers?status=pending})
   */
  public Page<Transfer> pending(UUID accountId, String cursor, Integer limit) {
    String path =
        Query.of("/v1/transfers")
            .param("accountId", accountId)
            .param("status", "pending")
            .param("cursor", cursor)
            .param("limit", limit)
            .toString();
    return Pages.read(transport.tree("GET", path, null, IDEMPOTENT), Transfer.class);
  }

  /** A page of the refunds of one transfer, newest first. ({@code GET /v1/transfers?refundOf=}) */
  public Page<Transfer> refunds(UUID original, String cursor, Integer limit) {
    String path =
        Query.of("/v1/transfers")
            .param("refundOf", original)
            .param("cursor", cursor)
            .param("limit", limit)
            .toString();
    return Pages.read(transport.tree("GET", path, null, IDEMPOTENT), Transfer.class);
  }

  /** Every transfer that matches, newest first, a page at a time. */
  public Stream<Transfer> stream(UUID accountId, String reference, Instant from, Instant to) {
    return Pages.walk(cursor -> list(accountId, reference, from, to, cursor, 1000));
  }
}
