package com.saldo.webhooks;

import com.saldo.identity.CallerIdentity;
import com.saldo.identity.IdentityToken;
import com.saldo.identity.Scope;
import com.saldo.jdbc.Database;
import com.saldo.jdbc.SpannerSettings;
import com.saldo.testing.Http;
import com.saldo.testing.OnSpanner;
import com.saldo.testing.SpannerEmulator;
import com.saldo.testing.SpannerRuns;
import com.saldo.testing.TestBackend;
import com.saldo.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The webhooks service running for real on a random port over a fresh embedded PostgreSQL (or, for
 * a suite's run {@link OnSpanner}, a database on the Spanner emulator), without a ledger (its relay
 * finds no outbox and waits): for the API's contract. Delivery end to end runs against the real
 * ledger in the system tests ({@code system-tests}), on both databases too.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.server.port=0",
      "saldo.identity.key=" + WebhooksServer.IDENTITY_KEY,
      "saldo.webhooks.secret-key=" + WebhooksServer.SECRET_KEY,
      "saldo.webhooks.endpoints-per-tenant-max=3",
      "saldo.webhooks.allow-private-targets=false"
    })
@ExtendWith(SpannerRuns.class)
public abstract class WebhooksServer {

  static final String IDENTITY_KEY = "c2FsZG8tdGVzdC1pZGVudGl0eS1rZXktb2YtMzItYnl0ZXMh";
  static final String SECRET_KEY = "d2ViaG9va3MtdGVzdC1zZWFsaW5nLWtleS0zMi1ieXQ=";
  private static final TestDatabase.Database DATABASE = TestDatabase.create();
  private static final IdentityToken TOKENS =
      new IdentityToken(IdentityToken.decodeKey(IDENTITY_KEY), Clock.systemUTC());

  @LocalServerPort int port;

  @Autowired private Database webhooksDatabase;

  /**
   * The service's own database, whichever it runs on, for tests that set up or check rows; a
   * transaction that loses a race to the service's loops runs again, as the service's own do.
   */
  protected Database database() {
    return webhooksDatabase.withRetries(5);
  }

  /**
   * The datasource of the context being loaded: the shared embedded PostgreSQL database, or the
   * shared database on the emulator with the settings the service takes on Spanner (its outbox
   * database the same one, which has no outbox: the relay waits, as it does on PostgreSQL here).
   */
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    if (SpannerRuns.starting() == TestBackend.SPANNER) {
      TestDatabase.Database spanner = SpannerRuns.database();
      SpannerSettings.properties(spanner.url())
          .forEach((key, value) -> registry.add(key, () -> value));
      registry.add("saldo.spanner.project", () -> SpannerEmulator.PROJECT);
      registry.add("saldo.spanner.instance", () -> SpannerEmulator.INSTANCE);
      registry.add("saldo.spanner.emulator-host", () -> SpannerEmulator.get().orElseThrow().host());
      registry.add("saldo.spanner.outbox-database", spanner::name);
      return;
    }
    registry.add("spring.datasource.url", DATABASE::url);
    registry.add("spring.datasource.username", DATABASE::user);
    registry.add("spring.datasource.password", DATABASE::password);
  }

  protected Http tenant(UUID tenantId, Scope... scopes) {
    Set<Scope> held = scopes.length == 0 ? Scope.tenantScopes() : Set.of(scopes);
    CallerIdentity identity = new CallerIdentity(tenantId, "test-key", held);
    return new Http(
        "http://localhost:" + port,
        () -> Map.of(IdentityToken.HEADER, TOKENS.sign(identity, Duration.ofSeconds(30))));
  }
}
