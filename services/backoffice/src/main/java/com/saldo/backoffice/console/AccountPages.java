package com.saldo.backoffice.console;

import com.saldo.client.Saldo;
import com.saldo.client.error.ProblemException;
import com.saldo.client.model.Account;
import com.saldo.client.model.AccountChange;
import com.saldo.client.model.BalanceAsOf;
import com.saldo.client.model.NewTransfer;
import com.saldo.client.model.Page;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Finding an account, and its page: balances, the chart of the posted balance, entries, open holds,
 * status and corrections, and the statement.
 */
@Controller
public class AccountPages {

  static final int ENTRIES_PAGE = 50;
  static final int HOLDS_PAGE = 20;
  static final int ACCOUNTS_PAGE = 25;
  private static final Set<String> STATUSES = Set.of("active", "frozen", "closed");

  private final ConsoleApi apis;
  private final Corrections corrections;
  private final Clock clock;

  public AccountPages(ConsoleApi apis, Corrections corrections, Clock clock) {
    this.apis = apis;
    this.corrections = corrections;
    this.clock = clock;
  }

  /** The search: an account id, or an external reference such as a loyalty card number. */
  @GetMapping("/console/accounts")
  public String search(
      HttpServletRequest http,
      Model model,
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "cursor", required = false) String cursor) {
    Saldo api = apis.as(ConsoleRequest.of(http));
    String query = q == null ? null : q.strip();
    if (query != null && !query.isEmpty()) {
      if (query.length() > 256) {
        throw ConsolePageException.badInput("A search is at most 256 characters.");
      }
      Optional<Account> found = Optional.empty();
      if (Pages.isId(query)) {
        try {
          found = Optional.of(api.accounts().get(UUID.fromString(query)));
        } catch (ProblemException e) {
          if (e.status() != 404) {
            throw e;
          }
        }
      }
      if (found.isEmpty()) {
        found = api.accounts().findByExternalRef(query);
      }
      if (found.isPresent()) {
        return "redirect:/console/accounts/" + found.get().id();
      }
      int eq = query.indexOf('=');
      if (eq > 0) {
        // key=value: the accounts whose metadata holds it (a customer number, a tier)
        Page<Account> matches =
            api.accounts()
                .withMetadata(
                    query.substring(0, eq).strip(),
                    query.substring(eq + 1).strip(),
                    Pages.cursor(cursor),
                    ACCOUNTS_PAGE);
        if (matches.data().size() == 1 && matches.nextCursor() == null) {
          return "redirect:/console/accounts/" + matches.data().getFirst().id();
        }
        model.addAttribute("q", query);
        model.addAttribute("accounts", matches);
        model.addAttribute("notFound", matches.data().isEmpty() ? query : null);
        model.addAttribute("matching", true);
        return "console/accounts";
      }
      model.addAttribute("notFound", query);
    }
    Page<Account> page = api.accounts().list(null, Pages.cursor(cursor), ACCOUNTS_PAGE);
    model.addAttribute("q", query);
    model.addAttribute("accounts", page);
    return "console/accounts";
  }

  @GetMapping("/console/accounts/{id}")
  public String account(
      HttpServletRequest http,
      Model model,
      @PathVariable("id") String idText,
      @RequestParam(name = "range", required = false) String range,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "cursor", required = false) String cursor,
      @RequestParam(name = "done", required = false) String done,
      @RequestParam(name = "refused", required = false) String refused) {
    UUID id = Pages.id(idText);
    ConsoleRequest console = ConsoleRequest.of(http);
    Saldo api = apis.as(console);
    Instant fromTime = Pages.time(from, "From");
    Instant toTime = Pages.time(to, "To");
    String entriesCursor = Pages.cursor(cursor);
    Chart.Range chartRange = Chart.Range.parse(range);
    // the account first: a 404 here (another tenant's id, or none) ends the page before the rest
    Account account = api.accounts().get(id);
    try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<Chart> chart = parallel.submit(() -> chart(api, id, chartRange, account.createdAt()));
      Future<?> entries =
          parallel.submit(
              () -> api.history().entries(id, fromTime, toTime, entriesCursor, ENTRIES_PAGE));
      Future<?> holds =
          console.can("transfers:read")
              ? parallel.submit(() -> api.transfers().pending(id, null, HOLDS_PAGE))
              : null;
      model.addAttribute("chart", Pages.await(chart));
      model.addAttribute("entries", Pages.await(entries));
      model.addAttribute("holds", holds == null ? null : Pages.await(holds));
    }
    model.addAttribute("account", account);
    model.addAttribute("ranges", Chart.Range.values());
    model.addAttribute("from", fromTime);
    model.addAttribute("to", toTime);
    model.addAttribute("done", done);
    model.addAttribute("refused", refused);
    model.addAttribute("newTransferId", UUID.randomUUID());
    return "console/account";
  }

  /** The chart's balances, all in one request: one index lookup each in the query service. */
  private Chart chart(Saldo api, UUID id, Chart.Range range, Instant opened) {
    Chart.Span span = Chart.span(range, opened, clock.instant());
    List<Chart.Point> points = new ArrayList<>(Chart.POINTS);
    for (BalanceAsOf balance : api.history().balances(id, span.from(), span.to(), Chart.POINTS)) {
      points.add(new Chart.Point(balance.asOf(), balance.posted()));
    }
    return Chart.of(range, points);
  }

  @PostMapping("/console/accounts/{id}/status")
  public String status(HttpServletRequest http, @PathVariable("id") String idText) {
    UUID id = Pages.id(idText);
    ConsoleRequest console = ConsoleRequest.of(http);
    String status = console.form().get("status");
    if (status == null || !STATUSES.contains(status)) {
      throw ConsolePageException.badInput("The status must be active, frozen or closed.");
    }
    String page = "/console/accounts/" + id;
    try {
      apis.as(console).accounts().update(id, new AccountChange(status, null, null, null));
    } catch (ProblemException e) {
      return Pages.refused(page, e);
    }
    return Pages.back(page, "done", status);
  }

  /**
   * A manual adjustment: money into this account from another (or out of it to another), with a
   * reason. The transfer id was chosen when the page was drawn, so submitting twice moves it once.
   */
  @PostMapping("/console/accounts/{id}/adjust")
  public String adjust(HttpServletRequest http, @PathVariable("id") String idText) {
    UUID id = Pages.id(idText);
    ConsoleRequest console = ConsoleRequest.of(http);
    Form form = console.form();
    UUID transferId = Pages.formId(form.get("transferId"), "The adjustment's id");
    String counterText = form.get("counterAccount");
    if (!Pages.isId(counterText)) {
      throw ConsolePageException.badInput("The other account must be an account id.");
    }
    UUID counter = UUID.fromString(counterText);
    String direction = form.get("direction");
    if (!"in".equals(direction) && !"out".equals(direction)) {
      throw ConsolePageException.badInput("Choose whether the money goes in or out.");
    }
    String reason = Corrections.reason(form);
    Saldo api = apis.as(console);
    Account account = api.accounts().get(id);
    long amount =
        Money.parse(form.get("amount"), account.currency())
            .orElseThrow(
                () ->
                    ConsolePageException.badInput(
                        "The amount must be a positive number with at most the currency's"
                            + " digits."));
    String page = "/console/accounts/" + id;
    NewTransfer adjustment =
        NewTransfer.of(
                "adjustment",
                direction.equals("in") ? counter : id,
                direction.equals("in") ? id : counter,
                amount,
                account.currency())
            .withId(transferId);
    try {
      corrections.apply(console, http, api, adjustment, "transfer.adjusted", id.toString(), reason);
    } catch (ProblemException e) {
      return Pages.refused(page, e);
    }
    return Pages.back(page, "done", "adjusted");
  }

  /** The statement as CSV, streamed from the query service through the gateway. */
  @GetMapping("/console/accounts/{id}/statement.csv")
  public void statement(
      HttpServletRequest http,
      HttpServletResponse response,
      @PathVariable("id") String idText,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to)
      throws IOException {
    UUID id = Pages.id(idText);
    Instant fromTime = Pages.time(from, "From");
    Instant toTime = Pages.time(to, "To");
    try (InputStream csv =
        apis.as(ConsoleRequest.of(http)).history().statement(id, fromTime, toTime)) {
      response.setContentType("text/csv;charset=UTF-8");
      response.setHeader(
          "Content-Disposition", "attachment; filename=\"statement-" + id + ".csv\"");
      OutputStream out = response.getOutputStream();
      csv.transferTo(out);
    }
  }
}
