package com.saldo.client;

import static com.saldo.client.Transport.Safety.IDEMPOTENT;

import com.saldo.client.model.AuditRecord;
import com.saldo.client.model.Page;
import com.saldo.client.model.VerifyReport;
import java.time.Duration;
import java.util.stream.Stream;

/** What operators do: verify the ledger, read the audit log. */
public final class Operator {

  private static final Duration VERIFY_TIMEOUT = Duration.ofMinutes(30);

  private final Transport transport;

  Operator(Transport transport) {
    this.transport = transport;
  }

  /**
   * Recomputes every account from its entries and checks every invariant in one snapshot. On a
   * large ledger this takes a while; the call waits up to 30 minutes (and the policy's total).
   */
  @Endpoint("GET /v1/operator/verify")
  public VerifyReport verify() {
    return transport
        .json("GET", "/v1/operator/verify", null, IDEMPOTENT, VerifyReport.class, VERIFY_TIMEOUT)
        .body();
  }

  @Endpoint("GET /v1/audit-log")
  public Page<AuditRecord> auditLog(String cursor, Integer limit) {
    String path =
        Query.of("/v1/audit-log").param("cursor", cursor).param("limit", limit).toString();
    return Pages.read(transport.tree("GET", path, null, IDEMPOTENT), AuditRecord.class);
  }

  public Stream<AuditRecord> streamAuditLog() {
    return Pages.walk(cursor -> auditLog(cursor, 1000));
  }
}
