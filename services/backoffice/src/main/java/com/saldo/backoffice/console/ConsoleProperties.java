package com.saldo.backoffice.console;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operators' console ({@code saldo.console.*}, e.g. {@code SALDO_CONSOLE_GATEWAYURL}).
 *
 * @param gatewayUrl where the console reaches the public API: the gateway, which checks every call
 *     the console makes with the session's own credential
 * @param sessionLifetime how long a session lasts from sign-in
 * @param secureCookie whether the session cookie is {@code Secure} (false only for plain-HTTP local
 *     runs)
 * @param sessionsPerKeyMax live sessions one key may have at a time
 * @param signInFailuresMax failed sign-ins one address may make per minute before it waits
 * @param services the management URLs of the services' instances, {@code name=url} each, for the
 *     system page's health, replicas and metrics
 * @param apiTimeout how long one call to the API may take
 * @param formSizeMax the largest form body a page takes, in bytes
 */
@ConfigurationProperties("saldo.console")
public record ConsoleProperties(
    @DefaultValue("http://localhost:8080") URI gatewayUrl,
    @DefaultValue("8h") Duration sessionLifetime,
    @DefaultValue("true") boolean secureCookie,
    @DefaultValue("50") int sessionsPerKeyMax,
    @DefaultValue("20") int signInFailuresMax,
    @DefaultValue({
          "gateway=http://localhost:9080",
          "ledger=http://localhost:9081",
          "query=http://localhost:9082",
          "webhooks=http://localhost:9083",
          "backoffice=http://localhost:9084"
        })
        List<String> services,
    @DefaultValue("10s") Duration apiTimeout,
    @DefaultValue("16384") int formSizeMax) {

  public ConsoleProperties {
    if (sessionLifetime.isNegative()
        || sessionLifetime.isZero()
        || sessionLifetime.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("saldo.console.session-lifetime must be within 0..24h");
    }
    if (sessionsPerKeyMax < 1 || sessionsPerKeyMax > 10_000) {
      throw new IllegalArgumentException("saldo.console.sessions-per-key-max out of range");
    }
    if (signInFailuresMax < 1) {
      throw new IllegalArgumentException("saldo.console.sign-in-failures-max must be positive");
    }
    if (formSizeMax < 1024 || formSizeMax > 1 << 20) {
      throw new IllegalArgumentException("saldo.console.form-size-max must be within 1 KiB..1 MiB");
    }
    for (String service : services) {
      if (service.indexOf('=') < 1) {
        throw new IllegalArgumentException("saldo.console.services: name=url, not " + service);
      }
    }
    services = List.copyOf(services);
  }
}
