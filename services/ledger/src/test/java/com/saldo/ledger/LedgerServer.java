package com.saldo.ledger;

import com.saldo.testing.Http;
import com.saldo.testing.TestDatabase;
import java.util.Map;
import java.util.UUID;
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
    properties = {"management.server.port=0", "saldo.ledger.expiry-sweep-interval=200ms"})
public abstract class LedgerServer {

  private static final TestDatabase.Database DATABASE = TestDatabase.create();

  @LocalServerPort int port;

  /** The database the service runs on, for tests that check what it stored. */
  protected static TestDatabase.Database database() {
    return DATABASE;
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::url);
    registry.add("spring.datasource.username", DATABASE::user);
    registry.add("spring.datasource.password", DATABASE::password);
  }

  /** A client acting for a new tenant with every tenant scope. */
  protected Http newTenant() {
    return tenant(UUID.randomUUID());
  }

  protected Http tenant(UUID tenantId) {
    return new Http("http://localhost:" + port, Map.of("Saldo-Tenant-Id", tenantId.toString()));
  }

  protected Http anonymous() {
    return new Http("http://localhost:" + port, Map.of());
  }
}
