package com.saldo.backoffice.console;

import com.saldo.client.Saldo;
import com.saldo.client.error.ProblemException;
import com.saldo.client.model.Event;
import com.saldo.client.model.EventDelivery;
import com.saldo.client.model.NewTransfer;
import com.saldo.client.model.Transfer;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A transfer's page: its accounts and status, captures and refunds, and "refund this". */
@Controller
public class TransferPages {

  static final int REFUNDS_PAGE = 50;
  static final int EVENTS_PAGE = 50;

  /** Where a form may send the browser back to: a console page, nothing else. */
  private static final Pattern RETURN =
      Pattern.compile("/console/(accounts|transfers)/[0-9a-f-]{36}");

  private final ConsoleApi apis;
  private final Corrections corrections;

  public TransferPages(ConsoleApi apis, Corrections corrections) {
    this.apis = apis;
    this.corrections = corrections;
  }

  @GetMapping("/console/transfers/{id}")
  public String transfer(
      HttpServletRequest http,
      Model model,
      @PathVariable("id") String idText,
      @RequestParam(name = "done", required = false) String done,
      @RequestParam(name = "refused", required = false) String refused) {
    UUID id = Pages.id(idText);
    Saldo api = apis.as(ConsoleRequest.of(http));
    ConsoleRequest console = ConsoleRequest.of(http);
    Transfer transfer = api.transfers().get(id);
    model.addAttribute("transfer", transfer);
    model.addAttribute("refunds", api.transfers().refunds(id, null, REFUNDS_PAGE));
    model.addAttribute("events", events(api, console, id));
    model.addAttribute("refundable", refundable(transfer));
    model.addAttribute("done", done);
    model.addAttribute("refused", refused);
    model.addAttribute("newTransferId", UUID.randomUUID());
    return "console/transfer";
  }

  /** One event the transfer produced, with its deliveries when the key may see them. */
  public record EventRow(Event event, List<EventDelivery> deliveries) {}

  /**
   * The events about the transfer (its own, and {@code transfer.refunded} for its refunds) and
   * their webhook deliveries, each event's asked for in parallel.
   */
  private static List<EventRow> events(Saldo api, ConsoleRequest console, UUID id) {
    List<Event> events = api.events().about(id, 0, EVENTS_PAGE).data();
    if (!console.can("webhooks:manage")) {
      return events.stream().map(e -> new EventRow(e, null)).toList();
    }
    try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<List<EventDelivery>>> deliveries = new ArrayList<>();
      for (Event e : events) {
        deliveries.add(parallel.submit(() -> api.events().deliveries(e.seq())));
      }
      List<EventRow> rows = new ArrayList<>();
      for (int i = 0; i < events.size(); i++) {
        rows.add(new EventRow(events.get(i), Pages.await(deliveries.get(i))));
      }
      return rows;
    }
  }

  /** What may still be refunded: the posted (or captured) amount less the refunds so far. */
  static long refundable(Transfer t) {
    if (t.kind().equals("refund") || !t.status().equals("posted")) {
      return 0;
    }
    long base = t.capturedAmount() == null ? t.amount() : t.capturedAmount();
    return base - (t.refundedAmount() == null ? 0 : t.refundedAmount());
  }

  @PostMapping("/console/transfers/{id}/capture")
  public String capture(HttpServletRequest http, @PathVariable("id") String idText) {
    UUID id = Pages.id(idText);
    ConsoleRequest console = ConsoleRequest.of(http);
    String back = back(console.form(), id);
    Saldo api = apis.as(console);
    try {
      Long amount = null;
      String typed = console.form().get("amount");
      if (typed != null) {
        String currency = api.transfers().get(id).currency();
        amount =
            Money.parse(typed, currency)
                .orElseThrow(
                    () -> ConsolePageException.badInput("The amount must be a positive number."));
      }
      api.transfers().capture(id, amount);
    } catch (ProblemException e) {
      return Pages.refused(back, e);
    }
    return Pages.back(back, "done", "captured");
  }

  @PostMapping("/console/transfers/{id}/void")
  public String voidHold(HttpServletRequest http, @PathVariable("id") String idText) {
    UUID id = Pages.id(idText);
    ConsoleRequest console = ConsoleRequest.of(http);
    String back = back(console.form(), id);
    try {
      apis.as(console).transfers().voidHold(id);
    } catch (ProblemException e) {
      return Pages.refused(back, e);
    }
    return Pages.back(back, "done", "voided");
  }

  /**
   * Refunds part or all of what is left of a transfer, with a reason. The refund's id was chosen
   * when the page was drawn: a second submission is the same refund, answered as it was.
   */
  @PostMapping("/console/transfers/{id}/refund")
  public String refund(HttpServletRequest http, @PathVariable("id") String idText) {
    UUID id = Pages.id(idText);
    ConsoleRequest console = ConsoleRequest.of(http);
    UUID refundId = Pages.formId(console.form().get("transferId"), "The refund's id");
    String reason = Corrections.reason(console.form());
    Saldo api = apis.as(console);
    Transfer original = api.transfers().get(id);
    long amount =
        Money.parse(console.form().get("amount"), original.currency())
            .orElseThrow(
                () ->
                    ConsolePageException.badInput(
                        "The amount must be a positive number with at most the currency's"
                            + " digits."));
    String page = "/console/transfers/" + id;
    try {
      corrections.apply(
          console,
          http,
          api,
          NewTransfer.refund(original, amount).withId(refundId),
          "transfer.refunded",
          id.toString(),
          reason);
    } catch (ProblemException e) {
      return Pages.refused(page, e);
    }
    return Pages.back(page, "done", "refunded");
  }

  private static String back(Form form, UUID id) {
    String back = form.get("return");
    return back != null && RETURN.matcher(back).matches() ? back : "/console/transfers/" + id;
  }
}
