package com.saldo.local;

import java.util.List;

/**
 * The services of Saldo, their ports, and the order they start in (the gateway last, once the
 * services it routes to are ready). A service whose jar is not built is skipped.
 */
public final class Services {

  /** One instance of a service: its name, API port and management port. */
  public record Service(String name, int port, int managementPort) {
    public String jar() {
      return "services/" + name + "/target/" + name + ".jar";
    }

    /** The {@code index}th instance of this service: its ports are 100 higher each. */
    public Service replica(int index) {
      return new Service(name, port + 100 * index, managementPort + 100 * index);
    }
  }

  public static final List<Service> ALL =
      List.of(
          new Service("ledger", 8081, 9081),
          new Service("query", 8082, 9082),
          new Service("webhooks", 8083, 9083),
          new Service("backoffice", 8084, 9084),
          new Service("gateway", 8080, 9080));

  private Services() {}

  /**
   * What the backoffice's console needs to know on a machine where everything runs on localhost:
   * the gateway it calls the API through, the management URLs of every instance for its system
   * page, and a session cookie without {@code Secure} (plain HTTP here).
   */
  public static java.util.Map<String, String> consoleEnvironment(
      Service gateway, List<Service> instances) {
    java.util.Map<String, List<String>> byService = new java.util.LinkedHashMap<>();
    for (Service s : instances) {
      byService
          .computeIfAbsent(s.name(), n -> new java.util.ArrayList<>())
          .add("http://localhost:" + s.managementPort());
    }
    List<String> services =
        byService.entrySet().stream()
            .map(e -> e.getKey() + "=" + String.join(";", e.getValue()))
            .toList();
    return java.util.Map.of(
        "SALDO_CONSOLE_GATEWAYURL",
        "http://localhost:" + gateway.port(),
        "SALDO_CONSOLE_SECURECOOKIE",
        "false",
        "SALDO_CONSOLE_SERVICES",
        String.join(",", services));
  }
}
