package com.saldo.ledger.transfer.web;

import com.saldo.api.Cursors;
import com.saldo.api.Fields;
import com.saldo.api.JsonBodies;
import com.saldo.api.Page;
import com.saldo.api.Params;
import com.saldo.identity.CallerIdentity;
import com.saldo.identity.Scope;
import com.saldo.ledger.LedgerLimits;
import com.saldo.ledger.json.TransferView;
import com.saldo.ledger.transfer.Command;
import com.saldo.ledger.transfer.Transfer;
import com.saldo.ledger.transfer.TransferKey;
import com.saldo.ledger.transfer.TransferOutcome;
import com.saldo.ledger.transfer.TransferOutcome.Changed;
import com.saldo.ledger.transfer.TransferOutcome.Created;
import com.saldo.ledger.transfer.TransferOutcome.Rejected;
import com.saldo.ledger.transfer.TransferOutcome.Replayed;
import com.saldo.ledger.transfer.TransferRequest;
import com.saldo.ledger.transfer.Transfers;
import com.saldo.ledger.web.EngineCalls;
import com.saldo.problem.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** The transfer endpoints: create, batch, capture, void, get and list. */
@RestController
public class TransferController {

  private static final String LIST = "t";

  private final EngineCalls engine;
  private final Transfers transfers;
  private final LedgerLimits limits;

  public TransferController(EngineCalls engine, Transfers transfers, LedgerLimits limits) {
    this.engine = engine;
    this.transfers = transfers;
    this.limits = limits;
  }

  @PostMapping("/v1/transfers")
  public ResponseEntity<?> create(
      CallerIdentity caller, HttpServletRequest http, @RequestBody(required = false) byte[] body) {
    caller.require(Scope.TRANSFERS_WRITE);
    Fields fields = Fields.of(JsonBodies.object(http, body));
    TransferRequest request = TransferRequests.read(caller.tenantId(), fields, limits);
    fields.done();
    TransferOutcome outcome =
        engine.apply(new Command.SubmitTransfers(List.of(request), false)).getFirst();
    return answer(outcome);
  }

  @PostMapping("/v1/transfers/batch")
  public Map<String, Object> batch(
      CallerIdentity caller, HttpServletRequest http, @RequestBody(required = false) byte[] body) {
    caller.require(Scope.TRANSFERS_WRITE);
    Fields fields = Fields.of(JsonBodies.object(http, body));
    fields.allowOnly(Set.of("transfers", "atomic"));
    boolean atomic = Boolean.TRUE.equals(fields.optionalBoolean("atomic"));
    List<ObjectNode> items = fields.objects("transfers", 1, limits.transferBatchMax());
    List<TransferRequest> requests = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      requests.add(
          TransferRequests.read(
              caller.tenantId(), fields.nested(items.get(i), "transfers[" + i + "]"), limits));
    }
    fields.done();
    List<TransferOutcome> outcomes = engine.apply(new Command.SubmitTransfers(requests, atomic));
    List<Map<String, Object>> results = new ArrayList<>(outcomes.size());
    for (int i = 0; i < outcomes.size(); i++) {
      results.add(result(requests.get(i).id(), outcomes.get(i)));
    }
    return Map.of("results", results);
  }

  @PostMapping("/v1/transfers/{id}/capture")
  public ResponseEntity<?> capture(
      CallerIdentity caller,
      HttpServletRequest http,
      @PathVariable("id") String id,
      @RequestBody(required = false) byte[] body) {
    caller.require(Scope.TRANSFERS_WRITE);
    TransferKey hold = new TransferKey(caller.tenantId(), Params.uuid("id", id));
    Long amount = null;
    if (body != null && body.length > 0) {
      Fields fields = Fields.of(JsonBodies.object(http, body));
      fields.allowOnly(Set.of("amount"));
      amount = fields.optionalLong("amount", 1, com.saldo.money.Amount.MAX);
      fields.done();
    }
    return answer(engine.apply(new Command.CaptureHold(hold, amount)).getFirst());
  }

  @PostMapping("/v1/transfers/{id}/void")
  public ResponseEntity<?> voidHold(
      CallerIdentity caller,
      HttpServletRequest http,
      @PathVariable("id") String id,
      @RequestBody(required = false) byte[] body) {
    caller.require(Scope.TRANSFERS_WRITE);
    TransferKey hold = new TransferKey(caller.tenantId(), Params.uuid("id", id));
    if (body != null && body.length > 0) {
      Fields.of(JsonBodies.object(http, body)).allowOnly(Set.of()).done();
    }
    return answer(engine.apply(new Command.VoidHold(hold)).getFirst());
  }

  @GetMapping("/v1/transfers/{id}")
  public TransferView get(CallerIdentity caller, @PathVariable("id") String id) {
    caller.require(Scope.TRANSFERS_READ);
    TransferKey key = new TransferKey(caller.tenantId(), Params.uuid("id", id));
    return transfers
        .find(key)
        .map(TransferView::of)
        .orElseThrow(
            () ->
                TransferProblems.of(
                    com.saldo.ledger.transfer.Rejection.TRANSFER_NOT_FOUND,
                    "Transfer " + key.id() + " does not exist."));
  }

  @GetMapping("/v1/transfers")
  public Page<TransferView> list(
      CallerIdentity caller,
      @RequestParam(name = "accountId", required = false) String accountId,
      @RequestParam(name = "reference", required = false) String reference,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "refundOf", required = false) String refundOf,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "cursor", required = false) String cursor,
      @RequestParam(name = "limit", required = false) String limit) {
    caller.require(Scope.TRANSFERS_READ);
    Transfers.Filter filter =
        new Transfers.Filter(
            Params.optionalUuid("accountId", accountId),
            Params.text("reference", reference, limits.stringLengthMax()),
            Params.time("from", from),
            Params.time("to", to),
            pendingOnly(status),
            Params.optionalUuid("refundOf", refundOf));
    int size = Params.limit(limit, limits.pageSizeDefault(), limits.pageSizeMax());
    Cursors.Position position = Cursors.decode(LIST, cursor);
    List<Transfer> page =
        transfers.list(
            caller.tenantId(),
            filter,
            position == null ? null : new Transfers.Position(position.time(), position.id()),
            size);
    return Page.of(
        page,
        size,
        TransferView::of,
        last -> Cursors.encode(LIST, last.createdAt().toEpochMilli(), last.id()));
  }

  /**
   * The one status a list filters by: {@code pending}, the open holds, which a partial index
   * serves. Other statuses would be a scan of everything the other filters match, so they are
   * refused rather than served slowly.
   */
  private static boolean pendingOnly(String status) {
    if (status == null) {
      return false;
    }
    if (status.equals("pending")) {
      return true;
    }
    throw ProblemException.invalid("status", "must be pending (the only status a list filters by)");
  }

  private static ResponseEntity<?> answer(TransferOutcome outcome) {
    return switch (outcome) {
      case Created(Transfer t) ->
          ResponseEntity.created(URI.create("/v1/transfers/" + t.id())).body(TransferView.of(t));
      case Changed(Transfer t) -> ResponseEntity.ok(TransferView.of(t));
      case Replayed(Transfer t) -> ResponseEntity.ok(TransferView.of(t));
      case Rejected(var reason, String detail) -> throw TransferProblems.of(reason, detail);
    };
  }

  private static Map<String, Object> result(UUID id, TransferOutcome outcome) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("id", id.toString());
    switch (outcome) {
      case Created(Transfer t) -> result.put("status", t.status().wire());
      case Changed(Transfer t) -> result.put("status", t.status().wire());
      case Replayed(Transfer t) -> result.put("status", t.status().wire());
      case Rejected(var reason, String detail) ->
          result.put("error", Map.of("code", reason.code(), "detail", detail));
    }
    return result;
  }
}
