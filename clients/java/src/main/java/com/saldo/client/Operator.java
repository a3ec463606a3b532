package com.saldo.client;

import static com.saldo.client.Transport.Safety.IDEMPOTENT;

import com.saldo.client.model.AuditRecord;
import com.saldo.client.model.Page;
import com.saldo.client.model.VerifyReport;
import java.time.Duration;
import java.time.Instant;
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

  /** A page of the whole audit log, newest first. */
  public Page<AuditRecord> auditLog(String cursor, Integer limit) {
    return auditLog(null, null, null, null, null, cursor, limit);
  }

  /**
   * A page of the audit log, newest first, keeping the records that match every filter that is not
   * null: the action, the target (the id acted on), the actor (a credential id) and the time.
   */
  @Endpoint("GET /v1/audit-log")
  public Page<AuditRecord> auditLog(
      String action,
      String target,
      String actor,
      Instant from,
      Instant to,
      String cursor,
      Integer limit) {
    String path =
        Query.of("/v1/audit-log")
            .param("action", action)
            .param("target", target)
            .param("actor", actor)
            .param("from", from)
            .param("to", to)
            .param("cursor", cursor)
            .param("limit", limit)
            .toString();
    return Pages.read(transport.tree("GET", path, null, IDEMPOTENT), AuditRecord.class);
  }

  public Stream<AuditRecord> streamAuditLog() {
    return Pages.walk(cursor -> auditLog(cursor, 1000));
  }
}
