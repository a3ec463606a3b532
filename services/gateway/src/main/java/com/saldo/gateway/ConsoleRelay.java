package com.saldo.gateway;

import com.saldo.problem.ProblemException;
import com.saldo.problem.RequestIds;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays the operators' console ({@code /console}) to the backoffice. The console authenticates its
 * pages itself, with a session cookie that is also a credential of the API: what a page shows the
 * backoffice reads back through {@code /v1} with that session, so the scopes, the tenant and the
 * rate limit are the API's own. The relay passes the browser's cookies and form bodies, replaces
 * any {@code X-Forwarded-For} with the address it saw, and passes back only the headers a page
 * needs. GETs may go to another instance after any failure; a POST only when the connection was
 * refused.
 */
final class ConsoleRelay extends HttpServlet {

  private static final Logger log = LoggerFactory.getLogger(ConsoleRelay.class);
  private static final Set<String> REQUEST_HEADERS =
      Set.of("content-type", "accept", "cookie", "origin", "sec-fetch-site");
  private static final Set<String> RESPONSE_HEADERS =
      Set.of(
          "content-type",
          "location",
          "set-cookie",
          "cache-control",
          "content-disposition",
          "content-security-policy",
          "x-content-type-options",
          "x-frame-options",
          "referrer-policy",
          "retry-after",
          "allow");

  private final transient CloseableHttpClient http;
  private final transient Backends backends;
  private final transient TracePropagation traces;

  ConsoleRelay(CloseableHttpClient http, Backends backends, TracePropagation traces) {
    this.http = http;
    this.backends = backends;
    this.traces = traces;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    boolean idempotent = method.equals("GET") || method.equals("HEAD");
    if (!idempotent && !method.equals("POST")) {
      response.setHeader("Allow", "GET, POST");
      page(response, 405, "The console takes GET and POST only.");
      return;
    }
    String query;
    try {
      query = QueryStrings.checked(request.getQueryString());
    } catch (ProblemException e) {
      page(response, 400, "That address is malformed.");
      return;
    }
    String target = request.getRequestURI() + (query == null ? "" : "?" + query);
    byte[] body = idempotent ? new byte[0] : request.getInputStream().readAllBytes();
    List<Backends.Instance> instances = backends.order("backoffice");
    for (Backends.Instance instance : instances) {
      ClassicRequestBuilder out;
      try {
        out = ClassicRequestBuilder.create(method).setUri(instance.base() + target);
      } catch (IllegalArgumentException malformed) {
        page(response, 400, "That address is malformed.");
        return;
      }
      out.addHeader(RequestIds.HEADER, RequestIds.of(request));
      out.addHeader("X-Forwarded-For", request.getRemoteAddr());
      out.addHeader("X-Forwarded-Proto", request.getScheme());
      for (String name : REQUEST_HEADERS) {
        String value = request.getHeader(name);
        if (value != null) {
          out.addHeader(name, value);
        }
      }
      traces.inject(out);
      if (!idempotent) {
        String type = request.getContentType();
        out.setEntity(new ByteArrayEntity(body, type == null ? null : ContentType.parse(type)));
      }
      try {
        http.execute(out.build(), answer -> Proxy.relay(answer, response, RESPONSE_HEADERS));
        return;
      } catch (ConnectException | ConnectTimeoutException refused) {
        instance.eject().run();
      } catch (IOException broken) {
        if (response.isCommitted()) {
          throw broken;
        }
        log.warn("console {} failed at {}: {}", method, instance.base(), broken.toString());
        if (!idempotent) {
          break;
        }
      }
    }
    response.setHeader("Retry-After", "1");
    page(response, 503, "The console is unavailable just now. Try again in a moment.");
  }

  private static void page(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Content-Security-Policy", "default-src 'none'");
    byte[] html =
        ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Saldo console"
                + "</title></head><body><h1>Saldo console</h1><p>"
                + message
                + "</p></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    response.setContentLength(html.length);
    response.getOutputStream().write(html);
  }
}
