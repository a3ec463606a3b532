package com.saldo.backoffice.console;

import com.saldo.client.RetryPolicy;
import com.saldo.client.Saldo;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The public API as the signed-in session: every call goes through the gateway with the session's
 * token, so the gateway checks the scopes, the tenant and the rate limit exactly as for any other
 * caller. One HTTP client (its connection pool) serves every session.
 */
@Component
public class ConsoleApi {

  private final HttpClient http;
  private final ConsoleProperties properties;

  public ConsoleApi(ConsoleProperties properties) {
    this.properties = properties;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public Saldo as(ConsoleRequest request) {
    return as(request, properties.apiTimeout());
  }

  /** The API as the session, for a call that may take longer than a page's (verify). */
  public Saldo as(ConsoleRequest request, Duration timeout) {
    return Saldo.builder()
        .baseUrl(properties.gatewayUrl().toString())
        .apiKey(request.token())
        .httpClient(http)
        .requestTimeout(timeout)
        .retry(RetryPolicy.DEFAULT.withTotalTimeout(timeout))
        .userAgent("saldo-console")
        .build();
  }

  HttpClient http() {
    return http;
  }
}
