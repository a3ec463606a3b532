package com.saldo.query;

import com.saldo.api.Params;
import com.saldo.api.Times;
import com.saldo.identity.CallerIdentity;
import com.saldo.identity.Scope;
import com.saldo.money.CurrencyCode;
import com.saldo.problem.ProblemException;
import com.saldo.store.StoreConflictException;
import com.saldo.store.StoreUnavailableException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * An account's statement as RFC 4180 CSV: a header row, the opening balance, one row per entry
 * oldest first, the closing balance; amounts as decimals in the currency's units. Rows stream from
 * a database cursor to the client, so memory stays constant however long the statement.
 */
@RestController
public class StatementController {

  private static final Logger log = LoggerFactory.getLogger(StatementController.class);

  private final History history;
  private final QueryLimits limits;
  private final Clock clock;

  public StatementController(History history, QueryLimits limits, Clock clock) {
    this.history = history;
    this.limits = limits;
    this.clock = clock;
  }

  @GetMapping("/v1/accounts/{id}/statement")
  public ResponseEntity<StreamingResponseBody> statement(
      CallerIdentity caller,
      @PathVariable("id") String id,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "format", required = false) String format) {
    caller.require(Scope.ACCOUNTS_READ);
    UUID account = Params.uuid("id", id);
    if (format != null && !format.equals("csv")) {
      throw ProblemException.invalid("format", "must be csv");
    }
    Instant end = to == null ? clock.instant() : Params.time("to", to);
    // without from, the period up to to, but never before the first time the API knows
    Instant start =
        from == null
            ? latest(end.minus(limits.statementPeriodMax()), Params.TIME_MIN)
            : Params.time("from", from);
    if (start.isAfter(end)) {
      throw ProblemException.invalid("from", "must not be after to");
    }
    if (Duration.between(start, end).compareTo(limits.statementPeriodMax()) > 0) {
      throw ProblemException.invalid(
          "to", "a statement covers at most " + limits.statementPeriodMax().toDays() + " days");
    }
    UUID tenant = caller.tenantId();
    History.Read<History.Account> read =
        history.account(tenant, account).orElseThrow(() -> QueryProblems.accountNotFound(account));
    int digits = CurrencyCode.of(read.value().currency()).minorDigits();
    StreamingResponseBody body = out -> write(out, tenant, account, start, end, digits);
    return ResponseEntity.ok()
        .header("Content-Type", "text/csv; charset=utf-8; header=present")
        .header("Content-Disposition", "attachment; filename=\"statement-" + account + ".csv\"")
        .header(HistoryController.CONSISTENT_AS_OF, Times.format(read.consistentAsOf()))
        .body(body);
  }

  private void write(
      java.io.OutputStream out, UUID tenant, UUID account, Instant start, Instant end, int digits)
      throws IOException {
    Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    csv.write("type,time,transfer_id,kind,reference,amount,balance\r\n");
    try {
      history.statement(
          tenant,
          account,
          start,
          end,
          limits.statementFetchSize(),
          new History.StatementRows() {
            @Override
            public void opening(long balance) throws IOException {
              row(csv, "opening", Times.format(start), "", "", "", "", money(balance, digits));
            }

            @Override
            public void entry(History.Entry e) throws IOException {
              row(
                  csv,
                  "entry",
                  Times.format(e.createdAt()),
                  e.transferId().toString(),
                  e.kind(),
                  e.reference() == null ? "" : e.reference(),
                  money(e.amount(), digits),
                  money(e.balanceAfter(), digits));
            }

            @Override
            public void closing(long balance) throws IOException {
              row(csv, "closing", Times.format(end), "", "", "", "", money(balance, digits));
            }
          });
    } catch (StoreUnavailableException | StoreConflictException e) {
      // The status is sent already; the client sees a statement without its closing row.
      log.warn("Statement of {} broke off: {}", account, e.getMessage());
    }
    csv.flush();
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static void row(Writer csv, String... fields) throws IOException {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        csv.write(',');
      }
      csv.write(quoted(fields[i]));
    }
    csv.write("\r\n");
  }

  /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
  static String quoted(String field) {
    if (field.indexOf(',') < 0
        && field.indexOf('"') < 0
        && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }

  static String money(long minorUnits, int digits) {
    return BigDecimal.valueOf(minorUnits, digits).toPlainString();
  }
}
