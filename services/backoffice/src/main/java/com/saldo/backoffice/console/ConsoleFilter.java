package com.saldo.backoffice.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The door of every console page. It sets the security headers (a strict Content-Security-Policy:
 * scripts, styles and images from the console only, no inline script, no framing), takes GET and
 * POST only, reads a POST's form strictly, checks its CSRF token, and finds the session of the
 * cookie. A page without a live session sends the browser to sign in. Only the sign-in page and the
 * assets are served without one.
 */
public final class ConsoleFilter extends OncePerRequestFilter {

  static final String SESSION_COOKIE = "saldo_session";
  static final String SIGN_IN_COOKIE = "saldo_sign_in";
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
          + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final ConsoleSessions sessions;
  private final ConsoleProperties properties;

  public ConsoleFilter(ConsoleSessions sessions, ConsoleProperties properties) {
    this.sessions = sessions;
    this.properties = properties;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !(path.equals("/console") || path.startsWith("/console/"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI();
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    boolean post = method.equals("POST");
    if (!post && !method.equals("GET") && !method.equals("HEAD")) {
      response.setHeader("Allow", "GET, POST");
      fail(response, 405, "Not allowed", "The console takes GET and POST only.");
      return;
    }
    if (path.startsWith("/console/assets/")) {
      response.setHeader("Cache-Control", "public, max-age=3600");
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("Cache-Control", "no-store");
    Form form = Form.EMPTY;
    if (post) {
      Optional<Form> read = readForm(request, response);
      if (read.isEmpty()) {
        return;
      }
      form = read.get();
    }
    String token = cookie(request, SESSION_COOKIE);
    Optional<ConsoleSessions.Session> session =
        token == null ? Optional.empty() : sessions.find(token);
    boolean signIn = path.equals("/console/sign-in");
    if (session.isEmpty() && !signIn) {
      if (token != null) {
        // a cookie of an ended session: forget it
        response.addHeader("Set-Cookie", Cookies.clear(SESSION_COOKIE, properties.secureCookie()));
      }
      response.setStatus(303);
      response.setHeader("Location", "/console/sign-in");
      return;
    }
    String csrf = session.map(s -> SessionTokens.csrf(token)).orElse(null);
    if (post) {
      // before sign-in the form carries the value of a cookie set with the sign-in page (double
      // submit); after, the session's own token
      String expected = signIn ? cookie(request, SIGN_IN_COOKIE) : csrf;
      if (!SessionTokens.sameText(form.get("csrf"), expected)) {
        fail(
            response,
            403,
            "Form refused",
            "This form did not come from this console session, or the session has changed."
                + " Open the page again and repeat.");
        return;
      }
    }
    request.setAttribute(
        ConsoleRequest.ATTRIBUTE,
        new ConsoleRequest(session.orElse(null), session.isPresent() ? token : null, csrf, form));
    chain.doFilter(request, response);
  }

  private Optional<Form> readForm(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String type = request.getContentType();
    if (type != null
        && !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      fail(response, 415, "Unsupported form", "The console's forms are URL-encoded.");
      return Optional.empty();
    }
    long declared = request.getContentLengthLong();
    if (declared > properties.formSizeMax()) {
      fail(response, 413, "Form too large", "A console form is at most a few kilobytes.");
      return Optional.empty();
    }
    byte[] body = request.getInputStream().readNBytes(properties.formSizeMax() + 1);
    if (body.length > properties.formSizeMax()) {
      fail(response, 413, "Form too large", "A console form is at most a few kilobytes.");
      return Optional.empty();
    }
    Optional<Form> form = Form.parse(body);
    if (form.isEmpty()) {
      fail(response, 400, "Unreadable form", "The form's encoding is malformed.");
    }
    return form;
  }

  static String cookie(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie cookie : cookies) {
      if (cookie.getName().equals(name)) {
        return cookie.getValue();
      }
    }
    return null;
  }

  /** A bare page for what is refused before any page could be rendered. */
  static void fail(HttpServletResponse response, int status, String title, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    String t = HtmlUtils.htmlEscape(title);
    response
        .getWriter()
        .write(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + t
                + " · Saldo console</title><link rel=\"stylesheet\""
                + " href=\"/console/assets/console.css\"></head><body><main class=\"narrow\"><h1>"
                + t
                + "</h1><p>"
                + HtmlUtils.htmlEscape(message)
                + "</p><p><a href=\"/console\">Back to the console</a></p></main></body></html>");
  }
}
