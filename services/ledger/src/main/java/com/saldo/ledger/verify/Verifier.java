package com.saldo.ledger.verify;

import com.saldo.jdbc.Database;
import com.saldo.ledger.jdbc.LedgerSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the whole ledger in one read-only snapshot (repeatable read), so it sees one consistent
 * state and never blocks a writer. Each check is one query that returns the rows that break a rule;
 * an empty result everywhere means the ledger is consistent.
 */
public final class Verifier {

  /** A rule of the ledger, and the query that lists what breaks it (tenant, subject, detail). */
  private record Check(String name, String sql) {}

  /**
   * The checks, in SQL that PostgreSQL and Spanner's PostgreSQL dialect both run: no window
   * functions, no {@code IS DISTINCT FROM}, no ordered aggregates, numbers cast to text before they
   * are joined to it. {@code {id}} is the column that holds an account's id.
   */
  private static final List<Check> CHECKS =
      List.of(
          new Check(
              "account_totals_match_entries",
              "SELECT a.tenant_id, CAST(a.{id} AS varchar), 'posted '"
                  + " || CAST(a.credits_posted - a.debits_posted AS varchar) || ', entries '"
                  + " || CAST(coalesce(e.total, 0) AS varchar) || ', count '"
                  + " || CAST(a.entry_count AS varchar) || '/' || CAST(coalesce(e.n, 0) AS varchar)"
                  + " FROM accounts a LEFT JOIN (SELECT tenant_id, account_id, sum(amount) AS total,"
                  + " count(*) AS n FROM entries GROUP BY tenant_id, account_id) e"
                  + " ON e.tenant_id = a.tenant_id AND e.account_id = a.{id}"
                  + " WHERE a.credits_posted - a.debits_posted <> coalesce(e.total, 0)"
                  + " OR a.entry_count <> coalesce(e.n, 0)"),
          new Check(
              // each entry's balance is the one before it plus its amount, numbered from 1 with no
              // gap: the running sum, checked pairwise
              "running_balances",
              "SELECT e.tenant_id, CAST(e.account_id AS varchar), 'entry '"
                  + " || CAST(e.seq AS varchar) || ' says ' || CAST(e.balance_after AS varchar)"
                  + " || ', the one before ' || coalesce(CAST(p.balance_after AS varchar), 'none')"
                  + " || ', amount ' || CAST(e.amount AS varchar) FROM entries e"
                  + " LEFT JOIN entries p ON p.tenant_id = e.tenant_id"
                  + " AND p.account_id = e.account_id AND p.seq = e.seq - 1"
                  + " WHERE (e.seq = 1 AND e.balance_after <> e.amount) OR (e.seq > 1"
                  + " AND (p.seq IS NULL OR e.balance_after <> p.balance_after + e.amount))"),
          new Check(
              "double_entry",
              "SELECT tenant_id, currency, 'posted sum '"
                  + " || CAST(sum(credits_posted - debits_posted) AS varchar) || ', pending sum '"
                  + " || CAST(sum(credits_pending - debits_pending) AS varchar) FROM accounts"
                  + " GROUP BY tenant_id, currency HAVING sum(credits_posted - debits_posted) <> 0"
                  + " OR sum(credits_pending - debits_pending) <> 0"),
          new Check(
              "bounds",
              "SELECT tenant_id, CAST({id} AS varchar), 'available '"
                  + " || CAST(credits_posted - debits_posted - debits_pending AS varchar)"
                  + " || ', min ' || coalesce(CAST(min_balance AS varchar), 'none') || ', max '"
                  + " || coalesce(CAST(max_balance AS varchar), 'none') FROM accounts"
                  + " WHERE credits_posted - debits_posted - debits_pending"
                  + " < coalesce(min_balance, -9007199254740991)"
                  + " OR credits_posted + credits_pending - debits_posted"
                  + " > coalesce(max_balance, 9007199254740991)"),
          new Check(
              "entries_per_transfer",
              "SELECT t.tenant_id, CAST(t.id AS varchar), t.status || ' with '"
                  + " || CAST(coalesce(e.n, 0) AS varchar) || ' entries summing to '"
                  + " || CAST(coalesce(e.total, 0) AS varchar) FROM transfers t LEFT JOIN (SELECT"
                  + " tenant_id, transfer_id, count(*) AS n, sum(amount) AS total,"
                  + " sum(abs(amount)) AS moved FROM entries GROUP BY tenant_id, transfer_id) e"
                  + " ON e.tenant_id = t.tenant_id AND e.transfer_id = t.id"
                  + " WHERE (t.status = 'posted' AND (coalesce(e.n, 0) <> 2"
                  + " OR coalesce(e.total, 0) <> 0"
                  + " OR coalesce(e.moved, 0) <> 2 * coalesce(t.captured_amount, t.amount)))"
                  + " OR (t.status <> 'posted' AND e.n IS NOT NULL)"),
          new Check(
              "pending_totals_match_holds",
              "SELECT a.tenant_id, CAST(a.{id} AS varchar), 'pending '"
                  + " || CAST(a.debits_pending AS varchar) || '/' || CAST(a.credits_pending AS varchar)"
                  + " || ', holds ' || CAST(coalesce(d.total, 0) AS varchar) || '/'"
                  + " || CAST(coalesce(c.total, 0) AS varchar) FROM accounts a LEFT JOIN (SELECT"
                  + " tenant_id, debit_account_id AS account, sum(amount) AS total FROM transfers"
                  + " WHERE status = 'pending' GROUP BY tenant_id, debit_account_id) d"
                  + " ON d.tenant_id = a.tenant_id AND d.account = a.{id} LEFT JOIN (SELECT"
                  + " tenant_id, credit_account_id AS account, sum(amount) AS total FROM transfers"
                  + " WHERE status = 'pending' GROUP BY tenant_id, credit_account_id) c"
                  + " ON c.tenant_id = a.tenant_id AND c.account = a.{id}"
                  + " WHERE a.debits_pending <> coalesce(d.total, 0)"
                  + " OR a.credits_pending <> coalesce(c.total, 0)"),
          new Check(
              "pending_holds_listed",
              "SELECT t.tenant_id, CAST(t.id AS varchar), 'pending but not listed'"
                  + " FROM transfers t LEFT JOIN pending_holds p ON p.tenant_id = t.tenant_id"
                  + " AND p.transfer_id = t.id WHERE t.status = 'pending' AND p.transfer_id IS NULL"
                  + " UNION ALL SELECT p.tenant_id, CAST(p.transfer_id AS varchar),"
                  + " coalesce(t.status, 'missing') || ' but listed' FROM pending_holds p"
                  + " LEFT JOIN transfers t ON t.tenant_id = p.tenant_id AND t.id = p.transfer_id"
                  + " WHERE t.status IS NULL OR t.status <> 'pending'"),
          new Check(
              "refunds_sum",
              "SELECT t.tenant_id, CAST(t.id AS varchar), 'refunded '"
                  + " || CAST(t.refunded_amount AS varchar) || ', refunds '"
                  + " || CAST(coalesce(r.total, 0) AS varchar) FROM transfers t LEFT JOIN (SELECT"
                  + " tenant_id, refund_of, sum(amount) AS total FROM transfers WHERE kind = 'refund'"
                  + " AND status = 'posted' GROUP BY tenant_id, refund_of) r"
                  + " ON r.tenant_id = t.tenant_id AND r.refund_of = t.id"
                  + " WHERE t.status <> 'rejected' AND t.refunded_amount <> coalesce(r.total, 0)"),
          new Check(
              // the events a transfer's life writes: one transfer.posted, or one transfer.pending
              // and then at most one of captured, voided or expired
              "outbox_matches_transfers",
              "SELECT t.tenant_id, CAST(t.id AS varchar), t.status || ' with events posted '"
                  + " || CAST(coalesce(o.posted, 0) AS varchar) || ', pending '"
                  + " || CAST(coalesce(o.pending, 0) AS varchar) || ', captured '"
                  + " || CAST(coalesce(o.captured, 0) AS varchar) || ', voided '"
                  + " || CAST(coalesce(o.voided, 0) AS varchar) || ', expired '"
                  + " || CAST(coalesce(o.expired, 0) AS varchar) || ', other '"
                  + " || CAST(coalesce(o.other, 0) AS varchar) FROM transfers t LEFT JOIN (SELECT"
                  + " tenant_id, subject_id,"
                  + " sum(CASE WHEN type = 'transfer.posted' THEN 1 ELSE 0 END) AS posted,"
                  + " sum(CASE WHEN type = 'transfer.pending' THEN 1 ELSE 0 END) AS pending,"
                  + " sum(CASE WHEN type = 'transfer.captured' THEN 1 ELSE 0 END) AS captured,"
                  + " sum(CASE WHEN type = 'transfer.voided' THEN 1 ELSE 0 END) AS voided,"
                  + " sum(CASE WHEN type = 'transfer.expired' THEN 1 ELSE 0 END) AS expired,"
                  + " sum(CASE WHEN type IN ('transfer.posted', 'transfer.pending',"
                  + " 'transfer.captured', 'transfer.voided', 'transfer.expired') THEN 0 ELSE 1 END)"
                  + " AS other FROM outbox WHERE type LIKE 'transfer.%'"
                  + " AND type <> 'transfer.refunded' GROUP BY tenant_id, subject_id) o"
                  + " ON o.tenant_id = t.tenant_id AND o.subject_id = t.id"
                  + " WHERE t.status <> 'rejected' AND ("
                  + "coalesce(o.posted, 0) <> (CASE WHEN t.hold_expires_at IS NULL THEN 1 ELSE 0 END)"
                  + " OR coalesce(o.pending, 0)"
                  + " <> (CASE WHEN t.hold_expires_at IS NULL THEN 0 ELSE 1 END)"
                  + " OR coalesce(o.captured, 0) <> (CASE WHEN t.hold_expires_at IS NOT NULL"
                  + " AND t.status = 'posted' THEN 1 ELSE 0 END)"
                  + " OR coalesce(o.voided, 0) <> (CASE WHEN t.status = 'voided' THEN 1 ELSE 0 END)"
                  + " OR coalesce(o.expired, 0) <> (CASE WHEN t.status = 'expired' THEN 1 ELSE 0 END)"
                  + " OR coalesce(o.other, 0) <> 0)"),
          new Check(
              "refund_events_match_refunds",
              "SELECT t.tenant_id, CAST(t.id AS varchar), CAST(coalesce(o.n, 0) AS varchar)"
                  + " || ' refunded events, ' || CAST(coalesce(r.n, 0) AS varchar) || ' refunds'"
                  + " FROM transfers t LEFT JOIN (SELECT tenant_id, subject_id, count(*) AS n"
                  + " FROM outbox WHERE type = 'transfer.refunded' GROUP BY tenant_id, subject_id) o"
                  + " ON o.tenant_id = t.tenant_id AND o.subject_id = t.id LEFT JOIN (SELECT"
                  + " tenant_id, refund_of, count(*) AS n FROM transfers WHERE kind = 'refund'"
                  + " AND status = 'posted' GROUP BY tenant_id, refund_of) r"
                  + " ON r.tenant_id = t.tenant_id AND r.refund_of = t.id"
                  + " WHERE t.status <> 'rejected' AND coalesce(o.n, 0) <> coalesce(r.n, 0)"));

  private final Database transactions;
  private final LedgerSql sql;
  private final int differencesMax;

  public Verifier(Database transactions, int differencesMax) {
    this.transactions = transactions;
    this.sql = LedgerSql.of(transactions.dialect());
    this.differencesMax = differencesMax;
  }

  public record Difference(String check, String tenantId, String subject, String detail) {}

  public record Report(
      Map<String, Long> counted, List<String> checks, List<Difference> differences) {
    public boolean clean() {
      return differences.isEmpty();
    }
  }

  public Report verify() {
    return transactions.snapshot(
        c -> {
          for (String preamble : sql.verifierPreamble()) {
            try (Statement s = c.createStatement()) {
              s.execute(preamble);
            }
          }
          Map<String, Long> counted = new LinkedHashMap<>();
          for (String table : List.of("accounts", "transfers", "entries", "outbox")) {
            try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
              rs.next();
              counted.put(table, rs.getLong(1));
            }
          }
          List<Difference> differences = new ArrayList<>();
          for (Check check : CHECKS) {
            collect(c, check, differences);
          }
          return new Report(counted, CHECKS.stream().map(Check::name).toList(), differences);
        });
  }

  private void collect(Connection c, Check check, List<Difference> differences)
      throws SQLException {
    int left = differencesMax - differences.size();
    if (left <= 0) {
      return;
    }
    try (PreparedStatement ps =
            c.prepareStatement(check.sql().replace("{id}", sql.accountId()) + " LIMIT " + left);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        differences.add(
            new Difference(check.name(), rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    }
  }
}
