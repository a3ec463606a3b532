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
import java.util.ArrayList;
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
        history
            .entries(caller.tenantId(), account, before, fromTime, toTime, size)
            .orElseThrow(() -> QueryProblems.accountNotFound(account));
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
        history
            .balanceAt(caller.tenantId(), account, at)
            .orElseThrow(() -> QueryProblems.accountNotFound(account));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("posted", read.value());
    answer.put("asOf", Times.format(at));
    return ResponseEntity.ok()
        .header(CONSISTENT_AS_OF, Times.format(read.consistentAsOf()))
        .body(answer);
  }

  /** The most points one series may have. */
  static final int POINTS_MAX = 200;

  /**
   * The posted balance at {@code points} evenly spaced times from {@code from} to {@code to}
   * (default now), both included: a chart of any range in one request, whatever the number of
   * entries.
   */
  @GetMapping("/v1/accounts/{id}/balances")
  public ResponseEntity<Map<String, Object>> balances(
      CallerIdentity caller,
      @PathVariable("id") String id,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "points", required = false) String points) {
    caller.require(Scope.ACCOUNTS_READ);
    UUID account = Params.uuid("id", id);
    if (from == null) {
      throw ProblemException.invalid("from", "is required: the series' first time");
    }
    Instant start = Params.time("from", from);
    Instant end = to == null ? clock.instant() : Params.time("to", to);
    if (end.isBefore(start)) {
      throw ProblemException.invalid("to", "must not be before from");
    }
    int count = pointCount(points);
    List<Instant> times = new ArrayList<>(count);
    long span = java.time.Duration.between(start, end).toMillis();
    for (int i = 0; i < count; i++) {
      times.add(i == count - 1 ? end : start.plusMillis(span / (count - 1) * i));
    }
    History.Read<List<Long>> read =
        history
            .balancesAt(caller.tenantId(), account, times)
            .orElseThrow(() -> QueryProblems.accountNotFound(account));
    List<Map<String, Object>> data = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("posted", read.value().get(i));
      point.put("asOf", Times.format(times.get(i)));
      data.add(point);
    }
    return ResponseEntity.ok()
        .header(CONSISTENT_AS_OF, Times.format(read.consistentAsOf()))
        .body(Map.of("data", data));
  }

  private static int pointCount(String points) {
    if (points == null) {
      return 32;
    }
    try {
      int count = Integer.parseInt(points);
      if (count >= 2 && count <= POINTS_MAX) {
        return count;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemException.invalid("points", "must be an integer within 2.." + POINTS_MAX);
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
}
