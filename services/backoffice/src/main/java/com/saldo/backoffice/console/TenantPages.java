package com.saldo.backoffice.console;

import com.saldo.client.Saldo;
import com.saldo.client.error.ProblemException;
import com.saldo.client.model.ApiKey;
import com.saldo.client.model.NewApiKey;
import com.saldo.client.model.Tenant;
import com.saldo.identity.Scope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Tenants (operators) and API keys (operators, or a tenant's {@code keys:manage} key for its own
 * tenant): create, scope, revoke. A new key's secret is shown once, on the page the creation
 * answers with, and never again.
 */
@Controller
public class TenantPages {

  static final int PAGE = 50;

  private final ConsoleApi apis;
  private final Submissions submissions;

  public TenantPages(ConsoleApi apis, Submissions submissions) {
    this.apis = apis;
    this.submissions = submissions;
  }

  @GetMapping("/console/tenants")
  public String tenants(
      HttpServletRequest http,
      Model model,
      @RequestParam(name = "cursor", required = false) String cursor,
      @RequestParam(name = "done", required = false) String done) {
    model.addAttribute(
        "tenants", apis.as(ConsoleRequest.of(http)).tenants().list(Pages.cursor(cursor), PAGE));
    model.addAttribute("submission", UUID.randomUUID());
    model.addAttribute("done", done);
    return "console/tenants";
  }

  @PostMapping("/console/tenants")
  public String createTenant(HttpServletRequest http) {
    ConsoleRequest console = ConsoleRequest.of(http);
    String name = console.form().get("name");
    if (name == null || name.length() > 256) {
      throw ConsolePageException.badInput("A tenant needs a name of at most 256 characters.");
    }
    if (!claim(console)) {
      return Pages.back("/console/tenants", "done", "already");
    }
    Tenant tenant = apis.as(console).tenants().create(name);
    return "redirect:/console/tenants/" + tenant.id() + "/keys";
  }

  /** A tenant's staff manage their own tenant's keys. */
  @GetMapping("/console/keys")
  public String ownKeys(HttpServletRequest http) {
    ConsoleRequest console = ConsoleRequest.of(http);
    if (console.operator()) {
      return "redirect:/console/tenants";
    }
    return "redirect:/console/tenants/" + console.tenantId() + "/keys";
  }

  @GetMapping("/console/tenants/{id}/keys")
  public String keys(
      HttpServletRequest http,
      Model model,
      @PathVariable("id") String idText,
      @RequestParam(name = "cursor", required = false) String cursor,
      @RequestParam(name = "done", required = false) String done,
      @RequestParam(name = "refused", required = false) String refused) {
    UUID tenant = Pages.id(idText);
    Saldo api = apis.as(ConsoleRequest.of(http));
    model.addAttribute("tenantId", tenant);
    model.addAttribute("keys", api.tenants().keys(tenant, Pages.cursor(cursor), PAGE));
    model.addAttribute("scopes", Scope.tenantScopes().stream().map(Scope::wire).sorted().toList());
    model.addAttribute("submission", UUID.randomUUID());
    model.addAttribute("done", done);
    model.addAttribute("refused", refused);
    return "console/keys";
  }

  @PostMapping("/console/tenants/{id}/keys")
  public String createKey(HttpServletRequest http, Model model, @PathVariable("id") String idText) {
    UUID tenant = Pages.id(idText);
    ConsoleRequest console = ConsoleRequest.of(http);
    Form form = console.form();
    String name = form.get("name");
    if (name == null || name.length() > 256) {
      throw ConsolePageException.badInput("A key needs a name of at most 256 characters.");
    }
    List<String> scopes = new ArrayList<>();
    for (Scope scope : Scope.tenantScopes()) {
      if (form.get("scope." + scope.wire()) != null) {
        scopes.add(scope.wire());
      }
    }
    if (scopes.isEmpty()) {
      throw ConsolePageException.badInput("A key needs at least one scope.");
    }
    String page = "/console/tenants/" + tenant + "/keys";
    if (!claim(console)) {
      return Pages.back(page, "done", "already");
    }
    ApiKey key;
    try {
      key = apis.as(console).tenants().createKey(tenant, new NewApiKey(name, scopes, null));
    } catch (ProblemException e) {
      return Pages.refused(page, e);
    }
    model.addAttribute("key", key);
    model.addAttribute("tenantId", tenant);
    return "console/key-created";
  }

  @PostMapping("/console/keys/{id}/revoke")
  public String revoke(HttpServletRequest http, @PathVariable("id") String idText) {
    UUID key = Pages.id(idText);
    ConsoleRequest console = ConsoleRequest.of(http);
    String tenantText = console.form().get("tenantId");
    String page =
        Pages.isId(tenantText) ? "/console/tenants/" + tenantText + "/keys" : "/console/keys";
    try {
      apis.as(console).tenants().revokeKey(key);
    } catch (ProblemException e) {
      return Pages.refused(page, e);
    }
    return Pages.back(page, "done", "revoked");
  }

  private boolean claim(ConsoleRequest console) {
    return submissions.claim(
        Pages.formId(console.form().get("submission"), "The form's submission id"),
        console.session().id());
  }
}
