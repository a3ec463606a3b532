package com.saldo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Proves that every public path reaches its owning service, with the scope the API names. */
class RoutesTest {

  @ParameterizedTest
  @CsvSource(
      textBlock =
          """
          POST,   /v1/accounts,                      ledger,     [accounts:write]
          GET,    /v1/accounts,                      ledger,     [accounts:read]
          GET,    /v1/accounts/abc,                  ledger,     [accounts:read]
          PATCH,  /v1/accounts/abc,                  ledger,     [accounts:write]
          GET,    /v1/accounts/abc/entries,          query,      [accounts:read]
          GET,    /v1/accounts/abc/balance,          query,      [accounts:read]
          GET,    /v1/accounts/abc/statement,        query,      [accounts:read]
          POST,   /v1/transfers,                     ledger,     [transfers:write]
          POST,   /v1/transfers/batch,               ledger,     [transfers:write]
          POST,   /v1/transfers/abc/capture,         ledger,     [transfers:write]
          POST,   /v1/transfers/abc/void,            ledger,     [transfers:write]
          GET,    /v1/transfers,                     ledger,     [transfers:read]
          GET,    /v1/transfers/abc,                 ledger,     [transfers:read]
          GET,    /v1/events,                        webhooks,   [transfers:read]
          POST,   /v1/webhooks,                      webhooks,   [webhooks:manage]
          GET,    /v1/webhooks,                      webhooks,   [webhooks:manage]
          GET,    /v1/webhooks/abc,                  webhooks,   [webhooks:manage]
          PATCH,  /v1/webhooks/abc,                  webhooks,   [webhooks:manage]
          DELETE, /v1/webhooks/abc,                  webhooks,   [webhooks:manage]
          POST,   /v1/webhooks/abc/rotate-secret,    webhooks,   [webhooks:manage]
          POST,   /v1/webhooks/abc/replay,           webhooks,   [webhooks:manage]
          GET,    /v1/webhooks/abc/deliveries,       webhooks,   [webhooks:manage]
          POST,   /v1/tenants,                       backoffice, [operator]
          GET,    /v1/tenants,                       backoffice, [operator]
          POST,   /v1/tenants/abc/api-keys,          backoffice, '[keys:manage, operator]'
          DELETE, /v1/api-keys/abc,                  backoffice, '[keys:manage, operator]'
          GET,    /v1/audit-log,                     backoffice, [operator]
          GET,    /v1/operator/verify,               ledger,     [operator]
          """)
  void routes(String method, String path, String service, String scopes) {
    Routes.Route route = Routes.find(method, path).orElseThrow();
    assertThat(route.service()).isEqualTo(service);
    assertThat(route.anyOf().stream().map(s -> s.wire()).sorted().toList().toString())
        .isEqualTo(scopes);
  }

  @ParameterizedTest
  @CsvSource({
    "DELETE, /v1/accounts/abc, WrongMethod",
    "PUT, /v1/transfers, WrongMethod",
    "GET, /v1/nothing, NoPath",
    "GET, /v1/accounts/a/b/c, NoPath",
    "GET, /v1/transfers/a/capture, WrongMethod"
  })
  void misses(String method, String path, String kind) {
    assertThat(Routes.match(method, path).getClass().getSimpleName()).isEqualTo(kind);
  }

  @ParameterizedTest
  @CsvSource({
    "GET,  /v1/accounts/0b8e4d6a-1f0e-4c5e-9a5e-5f2b8f0f6c11, /v1/accounts/{id}",
    "POST, /v1/transfers/abc/capture, /v1/transfers/{id}/(capture|void)",
    "GET,  /v1/accounts/abc/balance, /v1/accounts/{id}/(entries|balance|balances|statement)",
    "GET,  /v1/tenants, /v1/tenants"
  })
  void aRouteNamesItsPathWithoutTheIds(String method, String path, String template) {
    // the request metrics are tagged with it: one series per route, not one per account
    assertThat(Routes.find(method, path).orElseThrow().template()).isEqualTo(template);
  }
}
