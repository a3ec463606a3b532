package com.saldo.gateway;

import com.saldo.identity.IdentityToken;
import com.saldo.identity.Scope;
import com.saldo.problem.ProblemAdvice;
import com.saldo.problem.Problems;
import com.saldo.problem.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Every public {@code /v1} request: find its route, authenticate, check the scope, apply the rate
 * limit, then forward it to an instance of the owning service with a signed identity and stream the
 * answer back. Identity headers sent by the caller are never forwarded.
 *
 * <p>Retries are limited to what is safe: another instance after a refused connection (nothing was
 * sent), and a GET after any failure. A write that may have reached a service is answered 503 and
 * the client retries it with the same id.
 */
@Component
public class Proxy {

  private static final Logger log = LoggerFactory.getLogger(Proxy.class);
  private static final Set<String> REQUEST_HEADERS = Set.of("content-type", "accept");
  private static final byte[] NO_BODY = new byte[0];

  /** The largest buffer the relay of one answer uses. */
  private static final int RELAY_BUFFER = 8192;

  private static final Set<String> RESPONSE_HEADERS =
      Set.of(
          "content-type",
          "location",
          "retry-after",
          "saldo-consistent-as-of",
          "content-disposition",
          "cache-control");

  private final CloseableHttpClient http;
  private final Backends backends;
  private final ApiKeyCredentials apiKeys;
  private final JwtCredentials jwts;
  private final RateLimiter rateLimiter;
  private final FailedAuthentications failures;
  private final IdentityToken tokens;
  private final GatewayProperties properties;

  /** The gateway's own span of this request goes on to the backend as its traceparent. */
  private final TracePropagation traces;

  Proxy(
      CloseableHttpClient http,
      Backends backends,
      ApiKeyCredentials apiKeys,
      JwtCredentials jwts,
      RateLimiter rateLimiter,
      FailedAuthentications failures,
      IdentityToken tokens,
      GatewayProperties properties,
      TracePropagation traces) {
    this.traces = traces;
    this.http = http;
    this.backends = backends;
    this.apiKeys = apiKeys;
    this.jwts = jwts;
    this.rateLimiter = rateLimiter;
    this.failures = failures;
    this.tokens = tokens;
    this.properties = properties;
  }

  /** Serves one request; {@link ProxyServlet} writes the problems it throws. */
  public void forward(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    Routes.Route route =
        switch (Routes.match(method, request.getRequestURI())) {
          case Routes.Match.Found(Routes.Route found) -> found;
          case Routes.Match.WrongMethod() -> throw ProblemAdvice.forStatus(405);
          case Routes.Match.NoPath() -> throw ProblemAdvice.forStatus(404);
        };
    // the route names the request in the metrics, as Spring MVC's pattern did
    ServerHttpObservationFilter.findObservationContext(request)
        .ifPresent(context -> context.setPathPattern(route.template()));
    Verified caller = authenticate(request);
    if (route.anyOf().stream().noneMatch(scope -> allows(caller, scope))) {
      throw Problems.forbidden(
          route.anyOf().stream().map(Scope::wire).sorted().toList().toString());
    }
    long wait =
        rateLimiter.acquire(caller.identity().credentialId(), caller.perSecond(), caller.burst());
    if (wait > 0) {
      throw Problems.rateLimited(wait);
    }
    byte[] body = method.equals("GET") ? NO_BODY : body(request);
    send(route, method, request, body, caller, response);
  }

  /**
   * The request's body, read into an array of its declared length when it has one. Reading every
   * body, GETs included, with {@code readAllBytes} allocated 16 kB a request, and with the 16 kB of
   * {@code transferTo} in {@link #relay} that was nearly all of the gateway's garbage (bench/
   * RESULTS.md, finding 25). The body limit filter bounds both cases.
   */
  private static byte[] body(HttpServletRequest request) throws IOException {
    int length = request.getContentLength();
    if (length < 0) {
      return request.getInputStream().readAllBytes();
    }
    // Fewer bytes than declared only when the client ended early; the backend judges what
    // arrives. No filter reads a body before this (the form-content filter is off,
    // JsonOnlyEnvironment).
    return request.getInputStream().readNBytes(length);
  }

  private static boolean allows(Verified caller, Scope scope) {
    return caller.identity().has(scope)
        && (scope == Scope.OPERATOR || caller.identity().tenantId() != null);
  }

  /**
   * The caller, or 401. Failed authentications are limited per client address: past the limit a
   * request is answered 429 unless it carries a key the backoffice once said was valid, so guessing
   * keys costs the backoffice a bounded number of questions and never locks out a working till.
   */
  private Verified authenticate(HttpServletRequest request) {
    String credential = credential(request.getHeader("Authorization"));
    String address = request.getRemoteAddr();
    long blocked = failures.blocked(address);
    if (blocked > 0
        && !(credential != null && credential.startsWith("sk_") && apiKeys.wasKnown(credential))) {
      throw Problems.rateLimited(blocked);
    }
    Optional<Verified> caller = credential == null ? Optional.empty() : verify(credential);
    if (caller.isEmpty()) {
      failures.record(address);
      throw Problems.unauthenticated();
    }
    return caller.get();
  }

  /** The credential of a Bearer header, or null when it carries none of a sensible length. */
  private static String credential(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String credential = authorization.substring(7).strip();
    return credential.isEmpty() || credential.length() > 8192 ? null : credential;
  }

  private Optional<Verified> verify(String credential) {
    if (credential.startsWith("sk_")) {
      return apiKeys.verify(credential);
    }
    return credential.chars().filter(c -> c == '.').count() == 2
        ? jwts.verify(credential)
        : Optional.empty();
  }

  private void send(
      Routes.Route route,
      String method,
      HttpServletRequest request,
      byte[] body,
      Verified caller,
      HttpServletResponse response)
      throws IOException {
    String query = QueryStrings.checked(request.getQueryString());
    String target = request.getRequestURI() + (query == null ? "" : "?" + query);
    List<Backends.Instance> instances = backends.order(route.service());
    boolean idempotent = method.equals("GET");
    String identity = tokens.current(caller.identity(), properties.identityLifetime());
    for (Backends.Instance instance : instances) {
      ClassicRequestBuilder out =
          ClassicRequestBuilder.create(method)
              .setUri(instance.base() + target)
              .addHeader(RequestIds.HEADER, RequestIds.of(request))
              .addHeader(IdentityToken.HEADER, identity);
      for (String name : REQUEST_HEADERS) {
        String value = request.getHeader(name);
        if (value != null) {
          out.addHeader(name, value);
        }
      }
      traces.inject(out);
      if (!idempotent) {
        out.setEntity(new ByteArrayEntity(body, null));
      }
      try {
        http.execute(out.build(), answer -> relay(answer, response, RESPONSE_HEADERS));
        return;
      } catch (ConnectException | ConnectTimeoutException refused) {
        // nothing was sent: the next instance may take it
        instance.eject().run();
      } catch (IOException broken) {
        if (response.isCommitted()) {
          // part of the answer was relayed: the connection is ended without finishing it, so
          // the client knows the answer is incomplete and retries with the same id
          log.warn(
              "{} {} broke off at {}: {}",
              method,
              route.service(),
              instance.base(),
              broken.toString());
          throw broken;
        }
        log.warn(
            "{} {} failed at {}: {}", method, route.service(), instance.base(), broken.toString());
        if (!idempotent) {
          break;
        }
      }
    }
    throw Problems.unavailable();
  }

  /** Relays a backend's answer: its status, the {@code headers} named, and its body as it comes. */
  static Void relay(ClassicHttpResponse answer, HttpServletResponse response, Set<String> headers)
      throws IOException {
    response.setStatus(answer.getCode());
    for (Header header : answer.getHeaders()) {
      if (headers.contains(header.getName().toLowerCase(Locale.ROOT))) {
        response.addHeader(header.getName(), header.getValue());
      }
    }
    HttpEntity entity = answer.getEntity();
    if (entity == null) {
      return null;
    }
    // The servlet's stream is left for the container to finish: closing it here would end a
    // broken answer cleanly, and the client would take a truncated body for a whole one.
    OutputStream out = response.getOutputStream();
    try (InputStream in = entity.getContent()) {
      // most answers declare a length under a few kB: a buffer of that size, not transferTo's 16 kB
      long length = entity.getContentLength();
      byte[] buffer =
          new byte[length >= 0 && length < RELAY_BUFFER ? (int) length + 1 : RELAY_BUFFER];
      for (int n; (n = in.read(buffer)) != -1; ) {
        out.write(buffer, 0, n);
      }
    } catch (IOException broken) {
      if (!response.isCommitted()) {
        // nothing reached the client yet: forget the status and headers, answer as if refused
        response.reset();
      }
      throw broken;
    }
    return null;
  }
}
