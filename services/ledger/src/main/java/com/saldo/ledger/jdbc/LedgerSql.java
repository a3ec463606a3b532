package com.saldo.ledger.jdbc;

import com.saldo.jdbc.Dialect;
import java.util.List;
import java.util.UUID;

/**
 * The ledger's dialect: the few places its SQL differs between PostgreSQL and Spanner's PostgreSQL
 * dialect. Every adapter of the ledger builds its statements with the one instance the service's
 * database calls for; nothing else in the ledger knows which database it runs on.
 */
public final class LedgerSql {

  private static final LedgerSql POSTGRESQL = new LedgerSql(Dialect.POSTGRESQL, "id");
  private static final LedgerSql SPANNER = new LedgerSql(Dialect.SPANNER, "account_id");

  private final Dialect dialect;
  private final String accountId;

  private LedgerSql(Dialect dialect, String accountId) {
    this.dialect = dialect;
    this.accountId = accountId;
  }

  public static LedgerSql of(Dialect dialect) {
    return dialect == Dialect.SPANNER ? SPANNER : POSTGRESQL;
  }

  public Dialect dialect() {
    return dialect;
  }

  public boolean spanner() {
    return this == SPANNER;
  }

  /**
   * The column of {@code accounts} that holds the account's own id: {@code id}, or on Spanner
   * {@code account_id}, the name the interleaved {@code entries} share with their parent's key.
   */
  public String accountId() {
    return accountId;
  }

  /** The account columns of {@code columns} (aliased {@code a}), the id read as {@code id}. */
  public String accountColumns(String columns) {
    return spanner() ? columns.replace("a.id,", "a.account_id AS id,") : columns;
  }

  /** An id as this database binds it. */
  public Object id(UUID id) {
    return dialect.bindable(id);
  }

  /**
   * Inserting one event of an account change into the outbox ({@code id, tenant_id, type,
   * subject_id, payload, created_at}). On Spanner it carries its position and the commit timestamp,
   * which PostgreSQL fills in by default (the transaction's id).
   */
  public String outboxInsert() {
    return spanner()
        ? "INSERT INTO outbox (id, tenant_id, type, subject_id, payload, created_at, position,"
            + " committed_at) VALUES (?, ?, ?, ?, ?, ?, 1, spanner.pending_commit_timestamp())"
        : "INSERT INTO outbox (id, tenant_id, type, subject_id, payload, created_at)"
            + " VALUES (?, ?, ?, ?, ?::json, ?)";
  }

  /**
   * The condition that an account's metadata has {@code key} equal to {@code value} and the
   * arguments it takes, given the JSON shapes the value may be stored in: containment, which the
   * GIN index serves, on PostgreSQL; the key's text on Spanner, which has no {@code @>} on jsonb (a
   * JSON number or boolean reads as the text that spells it, so one comparison covers every shape).
   */
  public Condition metadataEquals(String key, String value, List<String> shapes) {
    if (spanner()) {
      return new Condition("a.metadata ->> ? = ?", List.of(key, value));
    }
    return new Condition(
        "("
            + String.join(
                " OR ", java.util.Collections.nCopies(shapes.size(), "a.metadata @> ?::jsonb"))
            + ")",
        List.copyOf(shapes));
  }

  /** Part of a {@code WHERE} and its arguments. */
  public record Condition(String sql, List<Object> args) {}

  /** What the verifier's snapshot runs first: PostgreSQL's statement timeout, lifted for it. */
  public List<String> verifierPreamble() {
    return spanner() ? List.of() : List.of("SET LOCAL statement_timeout = '30min'");
  }
}
