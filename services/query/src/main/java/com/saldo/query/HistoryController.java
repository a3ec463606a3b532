package com.saldo.query;

import com.saldo.api.Cursors;
import com.saldo.api.Page;
import com.saldo.api.Params;
import com.saldo.api.Times;
import com.saldo.identity.CallerIdentity;
import com.saldo.identity.Scope;
import com.saldo.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An account's entries, newest first, and its posted balance at any time. */
@RestController
public class HistoryController {

  static final String CONSISTENT_AS_OF = "Saldo-Consistent-As-Of";
  private static final String LIST = "e";

  private final History history;
  private final QueryLimits limits;
  private final Clock clock;

  public HistoryController(History history, QueryLimits limits, Clock clock) {
    this.history = history;
    this.limits = limits;
    this.clock = clock;
  }

  @GetMapping("/v1/accounts/{id}/entries")
  public ResponseEntity<Page<Map<String, Object>>> entries(
      CallerIdentity caller,
      @PathVariable("id") String id,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "cursor", required = false) String cursor,
      @RequestParam(name = "limit", required = false) String limit) {
    caller.require(Scope.ACCOUNTS_READ);
    UUID account = Params.uuid("id", id);
    Instant fromTime = Params.time("from", from);
    Instant toTime = Params.time("to", to);
    int size = Params.limit(limit, limits.pageSizeDefault(), limits.pageSizeMax());
    Long before = Cursors.decodeNumber(LIST, cursor);
    History.Read<List<History.Entry>> read =
        history.read(
            c -> {
              if (History.account(c, caller.tenantId(), account).isEmpty()) {
                throw accountNotFound(account);
              }
              return History.entries(c, caller.tenantId(), account, before, fromTime, toTime, size);
            });
    Page<Map<String, Object>> page =
        Page.of(
            read.value(), size, HistoryController::view, last -> Cursors.encode(LIST, last.seq()));
    return ResponseEntity.ok()
        .header(CONSISTENT_AS_OF, Times.format(read.consistentAsOf()))
        .body(page);
  }

  @GetMapping("/v1/accounts/{id}/balance")
  public ResponseEntity<Map<String, Object>> balance(
      CallerIdentity caller,
      @PathVariable("id") String id,
      @RequestParam(name = "asOf", required = false) String asOf) {
    caller.require(Scope.ACCOUNTS_READ);
    UUID account = Params.uuid("id", id);
    Instant at = asOf == null ? clock.instant() : Params.time("asOf", asOf);
    History.Read<Long> read =
        history.read(
            c -> {
              if (History.account(c, caller.tenantId(), account).isEmpty()) {
                throw accountNotFound(account);
              }
              return History.balanceAt(c, caller.tenantId(), account, at);
            });
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("posted", read.value());
    answer.put("asOf", Times.format(at));
    return ResponseEntity.ok()
        .header(CONSISTENT_AS_OF, Times.format(read.consistentAsOf()))
        .body(answer);
  }

  static Map<String, Object> view(History.Entry e) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("transferId", e.transferId().toString());
    view.put("amount", e.amount());
    view.put("balanceAfter", e.balanceAfter());
    view.put("kind", e.kind());
    view.put("reference", e.reference());
    view.put("createdAt", Times.format(e.createdAt()));
    view.put("seq", e.seq());
    return view;
  }

  static ProblemException accountNotFound(UUID id) {
    return ProblemException.of(
        404, "account_not_found", "Account not found", "Account " + id + " does not exist.");
  }
}
