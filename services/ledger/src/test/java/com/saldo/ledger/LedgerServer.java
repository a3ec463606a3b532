package com.saldo.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.saldo.identity.CallerIdentity;
import com.saldo.identity.IdentityToken;
import com.saldo.identity.Scope;
import com.saldo.jdbc.Database;
import com.saldo.jdbc.SpannerSettings;
import com.saldo.ledger.verify.Verifier;
import com.saldo.testing.Http;
import com.saldo.testing.SpannerRuns;
import com.saldo.testing.TestBackend;
import com.saldo.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ledger service running for real on a random port, over a fresh embedded PostgreSQL database.
 * Tests talk to it over HTTP as any client would.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.server.port=0",
      "saldo.ledger.expiry-sweep-interval=200ms",
      "saldo.identity.key=" + LedgerServer.IDENTITY_KEY
    })
@ExtendWith(SpannerRuns.class)
public abstract class LedgerServer {

  static final String IDENTITY_KEY = "c2FsZG8tdGVzdC1pZGVudGl0eS1rZXktb2YtMzItYnl0ZXMh";
  private static final TestDatabase.Database DATABASE = TestDatabase.create();
  private static final IdentityToken TOKENS =
      new IdentityToken(IdentityToken.decodeKey(IDENTITY_KEY), Clock.systemUTC());

  @LocalServerPort int port;

  @Autowired private Database ledgerDatabase;

  @Autowired private Verifier verifier;

  /**
   * Every test of a run on Spanner leaves a ledger that verifies clean: the verifier's checks, in
   * the SQL both databases run, over the database the Spanner runs share.
   */
  @AfterEach
  void verifiesCleanOnSpanner() {
    if (SpannerRuns.starting() == TestBackend.SPANNER) {
      Verifier.Report report = verifier.verify();
      assertThat(report.differences()).as("saldo verify on Spanner").isEmpty();
      assertThat(report.counted()).containsOnlyKeys("accounts", "transfers", "entries", "outbox");
    }
  }

  /** The service's own database, whichever it runs on, for tests that check what it stored. */
  protected Database ledgerDatabase() {
    return ledgerDatabase;
  }

  /** The database the service runs on, for tests that check what it stored. */
  protected static TestDatabase.Database database() {
    return DATABASE;
  }

  /**
   * The datasource of the context being loaded: the shared embedded PostgreSQL database, or, for a
   * suite's run {@link OnSpanner}, the shared database on the Spanner emulator with the settings
   * the service takes on Spanner.
   */
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    if (SpannerRuns.starting() == TestBackend.SPANNER) {
      SpannerSettings.properties(SpannerRuns.database().url())
          .forEach((key, value) -> registry.add(key, () -> value));
      return;
    }
    registry.add("spring.datasource.url", DATABASE::url);
    registry.add("spring.datasource.username", DATABASE::user);
    registry.add("spring.datasource.password", DATABASE::password);
  }

  /** A client acting for a new tenant with every tenant scope. */
  protected Http newTenant() {
    return tenant(UUID.randomUUID());
  }

  /** A client whose every request carries an identity signed as the gateway signs it. */
  protected Http tenant(UUID tenantId, Scope... scopes) {
    Set<Scope> held = scopes.length == 0 ? Scope.tenantScopes() : Set.of(scopes);
    CallerIdentity identity = new CallerIdentity(tenantId, "test-key", held);
    return new Http(
        "http://localhost:" + port,
        () -> Map.of(IdentityToken.HEADER, TOKENS.sign(identity, Duration.ofSeconds(30))));
  }

  /** A client that presents this header as its identity, signed or not. */
  protected Http presenting(String identityHeader) {
    return new Http("http://localhost:" + port, Map.of(IdentityToken.HEADER, identityHeader));
  }

  protected Http anonymous() {
    return new Http("http://localhost:" + port, Map.of());
  }
}
