package com.saldo.backoffice.console;

import com.saldo.identity.Scope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.UUID;

/**
 * What the console knows about one request once {@link ConsoleFilter} has let it through: the
 * signed-in session (null on the pages before sign-in), its token (the credential the console calls
 * the API with), its CSRF token, and the form of a POST.
 */
public record ConsoleRequest(
    ConsoleSessions.Session session, String token, String csrf, Form form) {

  static final String ATTRIBUTE = ConsoleRequest.class.getName();

  public static ConsoleRequest of(HttpServletRequest request) {
    Object value = request.getAttribute(ATTRIBUTE);
    if (!(value instanceof ConsoleRequest console)) {
      throw new IllegalStateException("not a console request: " + request.getRequestURI());
    }
    return console;
  }

  public boolean signedIn() {
    return session != null;
  }

  public boolean operator() {
    return signedIn() && session.key().tenantId() == null;
  }

  public UUID tenantId() {
    return session.key().tenantId();
  }

  public Set<Scope> scopes() {
    return session.key().scopes();
  }

  public boolean has(Scope scope) {
    return signedIn() && (scopes().contains(scope));
  }

  /** Whether the session's key holds the scope spelled as on the wire, e.g. accounts:read. */
  public boolean can(String wire) {
    return signedIn() && Scope.parse(wire).map(scopes()::contains).orElse(false);
  }

  /** The name of the key the session acts as, for the page's header. */
  public String keyName() {
    return session.key().name();
  }

  /** The credential id the audit log names for what this session does. */
  public String actor() {
    return session.key().id().toString();
  }
}
