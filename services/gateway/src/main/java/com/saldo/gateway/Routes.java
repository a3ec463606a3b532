package com.saldo.gateway;

import com.saldo.identity.Scope;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which service owns each public path of the API, and the scope each method needs there. An
 * endpoint whose rule depends on data (a tenant's keys: operator, or keys:manage of that tenant)
 * names every scope that may pass; the owning service decides the rest.
 */
final class Routes {

  private static final String ID = "[^/]+";

  /**
   * A method and path of the API; {@code template} is the path with {@code {id}} for each id, the
   * bounded name the gateway's request metrics carry.
   */
  record Route(String method, Pattern path, String template, String service, Set<Scope> anyOf) {}

  /** A path that exists but not with this method, or no such path at all. */
  sealed interface Match {
    record Found(Route route) implements Match {}

    record WrongMethod() implements Match {}

    record NoPath() implements Match {}
  }

  private static final List<Route> ALL =
      List.of(
          route(
              "GET",
              "/v1/accounts/" + ID + "/(entries|balance|balances|statement)",
              "query",
              Scope.ACCOUNTS_READ),
          route("POST", "/v1/accounts", "ledger", Scope.ACCOUNTS_WRITE),
          route("GET", "/v1/accounts", "ledger", Scope.ACCOUNTS_READ),
          route("GET", "/v1/accounts/" + ID, "ledger", Scope.ACCOUNTS_READ),
          route("PATCH", "/v1/accounts/" + ID, "ledger", Scope.ACCOUNTS_WRITE),
          route("POST", "/v1/transfers", "ledger", Scope.TRANSFERS_WRITE),
          route("POST", "/v1/transfers/batch", "ledger", Scope.TRANSFERS_WRITE),
          route("POST", "/v1/transfers/" + ID + "/(capture|void)", "ledger", Scope.TRANSFERS_WRITE),
          route("GET", "/v1/transfers", "ledger", Scope.TRANSFERS_READ),
          route("GET", "/v1/transfers/" + ID, "ledger", Scope.TRANSFERS_READ),
          route("GET", "/v1/events", "webhooks", Scope.TRANSFERS_READ),
          route("GET", "/v1/events/" + ID + "/deliveries", "webhooks", Scope.WEBHOOKS_MANAGE),
          route("POST", "/v1/webhooks", "webhooks", Scope.WEBHOOKS_MANAGE),
          route("GET", "/v1/webhooks", "webhooks", Scope.WEBHOOKS_MANAGE),
          route("GET", "/v1/webhooks/" + ID, "webhooks", Scope.WEBHOOKS_MANAGE),
          route("PATCH", "/v1/webhooks/" + ID, "webhooks", Scope.WEBHOOKS_MANAGE),
          route("DELETE", "/v1/webhooks/" + ID, "webhooks", Scope.WEBHOOKS_MANAGE),
          route("GET", "/v1/webhooks/" + ID + "/deliveries", "webhooks", Scope.WEBHOOKS_MANAGE),
          route(
              "POST",
              "/v1/webhooks/" + ID + "/(rotate-secret|replay)",
              "webhooks",
              Scope.WEBHOOKS_MANAGE),
          route("POST", "/v1/tenants", "backoffice", Scope.OPERATOR),
          route("GET", "/v1/tenants", "backoffice", Scope.OPERATOR),
          route(
              "POST",
              "/v1/tenants/" + ID + "/api-keys",
              "backoffice",
              Scope.OPERATOR,
              Scope.KEYS_MANAGE),
          route(
              "GET",
              "/v1/tenants/" + ID + "/api-keys",
              "backoffice",
              Scope.OPERATOR,
              Scope.KEYS_MANAGE),
          route("DELETE", "/v1/api-keys/" + ID, "backoffice", Scope.OPERATOR, Scope.KEYS_MANAGE),
          route("GET", "/v1/audit-log", "backoffice", Scope.OPERATOR),
          route("GET", "/v1/operator/verify", "ledger", Scope.OPERATOR));

  private Routes() {}

  private static Route route(String method, String path, String service, Scope... anyOf) {
    return new Route(
        method, Pattern.compile(path), path.replace(ID, "{id}"), service, Set.of(anyOf));
  }

  /** Every route, for the test that holds them against the API's documents. */
  static List<Route> all() {
    return ALL;
  }

  static Match match(String method, String path) {
    boolean pathKnown = false;
    for (Route route : ALL) {
      if (route.path().matcher(path).matches()) {
        if (route.method().equals(method)) {
          return new Match.Found(route);
        }
        pathKnown = true;
      }
    }
    return pathKnown ? new Match.WrongMethod() : new Match.NoPath();
  }

  static Optional<Route> find(String method, String path) {
    return match(method, path) instanceof Match.Found(Route route)
        ? Optional.of(route)
        : Optional.empty();
  }
}
