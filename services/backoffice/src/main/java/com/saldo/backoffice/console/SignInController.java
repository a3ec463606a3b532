package com.saldo.backoffice.console;

import com.saldo.backoffice.audit.AuditLog;
import com.saldo.backoffice.key.ApiKeys;
import com.saldo.backoffice.key.Credentials;
import com.saldo.problem.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Signing in with an API key (an operator key, or a tenant's key that sees only its tenant) and
 * out. Signing in starts a session that acts as the key; the key itself is never stored.
 */
@Controller
public class SignInController {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration SIGN_IN_FORM_LIFETIME = Duration.ofHours(1);

  private final Credentials credentials;
  private final ConsoleSessions sessions;
  private final SignInFailures failures;
  private final ConsoleProperties properties;
  private final AuditLog audit;

  public SignInController(
      Credentials credentials,
      ConsoleSessions sessions,
      SignInFailures failures,
      ConsoleProperties properties,
      AuditLog audit) {
    this.credentials = credentials;
    this.sessions = sessions;
    this.failures = failures;
    this.properties = properties;
    this.audit = audit;
  }

  @GetMapping("/console")
  public String home(HttpServletRequest http) {
    ConsoleRequest console = ConsoleRequest.of(http);
    return console.operator() ? "redirect:/console/tenants" : "redirect:/console/accounts";
  }

  @GetMapping("/console/sign-in")
  public String signInPage(HttpServletRequest http, HttpServletResponse response, Model model) {
    if (ConsoleRequest.of(http).signedIn()) {
      return "redirect:/console";
    }
    return signInForm(response, model, null);
  }

  @PostMapping("/console/sign-in")
  public String signIn(HttpServletRequest http, HttpServletResponse response, Model model) {
    ConsoleRequest console = ConsoleRequest.of(http);
    String address = address(http);
    if (!failures.allowed(address)) {
      response.setStatus(429);
      return signInForm(response, model, "Too many failed sign-ins from here. Wait a minute.");
    }
    String presented = console.form().get("key");
    Optional<ApiKeys.ApiKey> key =
        presented == null || presented.length() > 256
            ? Optional.empty()
            : credentials.find(presented);
    if (key.isEmpty()) {
      failures.record(address);
      response.setStatus(401);
      return signInForm(response, model, "That key is not valid, or it has been revoked.");
    }
    Optional<ConsoleSessions.Started> started =
        sessions.start(
            key.get().id(), properties.sessionLifetime(), properties.sessionsPerKeyMax());
    if (started.isEmpty()) {
      response.setStatus(429);
      return signInForm(
          response,
          model,
          "This key has too many open console sessions. Sign out elsewhere, or wait for them to"
              + " expire.");
    }
    audit.record(
        new AuditLog.Entry(
            key.get().id().toString(),
            key.get().tenantId(),
            "console.signed_in",
            key.get().id().toString(),
            RequestIds.of(http),
            Map.of("address", address)));
    response.addHeader(
        "Set-Cookie",
        Cookies.set(
            ConsoleFilter.SESSION_COOKIE,
            started.get().token(),
            properties.sessionLifetime(),
            properties.secureCookie()));
    response.addHeader(
        "Set-Cookie", Cookies.clear(ConsoleFilter.SIGN_IN_COOKIE, properties.secureCookie()));
    return "redirect:/console";
  }

  @PostMapping("/console/sign-out")
  public String signOut(HttpServletRequest http, HttpServletResponse response) {
    ConsoleRequest console = ConsoleRequest.of(http);
    sessions.end(console.session().id());
    response.addHeader(
        "Set-Cookie", Cookies.clear(ConsoleFilter.SESSION_COOKIE, properties.secureCookie()));
    return "redirect:/console/sign-in";
  }

  private String signInForm(HttpServletResponse response, Model model, String error) {
    byte[] value = new byte[24];
    RANDOM.nextBytes(value);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    response.addHeader(
        "Set-Cookie",
        Cookies.set(
            ConsoleFilter.SIGN_IN_COOKIE, token, SIGN_IN_FORM_LIFETIME, properties.secureCookie()));
    model.addAttribute("signInToken", token);
    model.addAttribute("error", error);
    return "console/sign-in";
  }

  /** The browser's address as the gateway saw it; the connection's where no gateway is between. */
  private static String address(HttpServletRequest http) {
    String forwarded = http.getHeader("X-Forwarded-For");
    if (forwarded != null && !forwarded.isBlank() && forwarded.length() <= 64) {
      int comma = forwarded.indexOf(',');
      return (comma < 0 ? forwarded : forwarded.substring(0, comma)).strip();
    }
    return http.getRemoteAddr();
  }
}
