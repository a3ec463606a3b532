package com.saldo.client;

import static com.saldo.client.Transport.Safety.CONNECT_ONLY;
import static com.saldo.client.Transport.Safety.IDEMPOTENT;

import com.saldo.client.model.ApiKey;
import com.saldo.client.model.NewApiKey;
import com.saldo.client.model.Page;
import com.saldo.client.model.Tenant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Tenants (operator keys) and their API keys (operator, or {@code keys:manage} of the tenant).
 * Creating is not idempotent, so it is sent again only where nothing can have been applied.
 */
public final class Tenants {

  private final Transport transport;

  Tenants(Transport transport) {
    this.transport = transport;
  }

  @Endpoint("POST /v1/tenants")
  public Tenant create(String name) {
    return transport
        .json("POST", "/v1/tenants", Map.of("name", name), CONNECT_ONLY, Tenant.class)
        .body();
  }

  @Endpoint("GET /v1/tenants")
  public Page<Tenant> list(String cursor, Integer limit) {
    String path = Query.of("/v1/tenants").param("cursor", cursor).param("limit", limit).toString();
    return Pages.read(transport.tree("GET", path, null, IDEMPOTENT), Tenant.class);
  }

  public Stream<Tenant> stream() {
    return Pages.walk(cursor -> list(cursor, 1000));
  }

  /** Creates a key; its secret {@code key} is in this answer only. */
  @Endpoint("POST /v1/tenants/{tenantId}/api-keys")
  public ApiKey createKey(UUID tenant, NewApiKey key) {
    return transport
        .json(
            "POST",
            Query.of("/v1/tenants/%s/api-keys", tenant).toString(),
            key.body(),
            CONNECT_ONLY,
            ApiKey.class)
        .body();
  }

  /** A page of the tenant's keys, never with a secret. */
  @Endpoint("GET /v1/tenants/{tenantId}/api-keys")
  public Page<ApiKey> keys(UUID tenant, String cursor, Integer limit) {
    String path =
        Query.of("/v1/tenants/%s/api-keys", tenant)
            .param("cursor", cursor)
            .param("limit", limit)
            .toString();
    return Pages.read(transport.tree("GET", path, null, IDEMPOTENT), ApiKey.class);
  }

  /** Revokes a key: it answers 401 everywhere within 5 seconds. */
  @Endpoint("DELETE /v1/api-keys/{keyId}")
  public void revokeKey(UUID key) {
    transport.empty("DELETE", Query.of("/v1/api-keys/%s", key).toString(), IDEMPOTENT);
  }
}
