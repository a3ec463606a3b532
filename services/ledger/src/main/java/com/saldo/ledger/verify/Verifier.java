package com.saldo.ledger.verify;

import com.saldo.jdbc.Database;
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

  private static final List<Check> CHECKS =
      List.of(
          new Check(
              "account_totals_match_entries",
              "SELECT a.tenant_id, a.id::text, 'posted ' || (a.credits_posted - a.debits_posted)"
                  + " || ', entries ' || coalesce(e.total, 0) || ', count ' || a.entry_count || '/'"
                  + " || coalesce(e.n, 0) FROM accounts a LEFT JOIN (SELECT tenant_id, account_id,"
                  + " sum(amount) AS total, count(*) AS n FROM entries GROUP BY tenant_id, account_id) e"
                  + " ON e.tenant_id = a.tenant_id AND e.account_id = a.id"
                  + " WHERE a.credits_posted - a.debits_posted <> coalesce(e.total, 0)"
                  + " OR a.entry_count <> coalesce(e.n, 0)"),
          new Check(
              "running_balances",
              "SELECT tenant_id, account_id::text, 'entry ' || seq || ' says ' || balance_after"
                  + " || ', sum is ' || running || ', position ' || position FROM (SELECT tenant_id,"
                  + " account_id, seq, balance_after, sum(amount) OVER w AS running, row_number() OVER w"
                  + " AS position FROM entries WINDOW w AS (PARTITION BY tenant_id, account_id ORDER BY"
                  + " seq)) e WHERE balance_after <> running OR seq <> position"),
          new Check(
              "double_entry",
              "SELECT tenant_id, currency, 'posted sum ' || sum(credits_posted - debits_posted)"
                  + " || ', pending sum ' || sum(credits_pending - debits_pending) FROM accounts"
                  + " GROUP BY tenant_id, currency HAVING sum(credits_posted - debits_posted) <> 0"
                  + " OR sum(credits_pending - debits_pending) <> 0"),
          new Check(
              "bounds",
              "SELECT tenant_id, id::text, 'available ' || (credits_posted - debits_posted -"
                  + " debits_pending) || ', min ' || coalesce(min_balance::text, 'none') || ', max '"
                  + " || coalesce(max_balance::text, 'none') FROM accounts WHERE credits_posted -"
                  + " debits_posted - debits_pending < coalesce(min_balance, -9007199254740991) OR"
                  + " credits_posted + credits_pending - debits_posted > coalesce(max_balance,"
                  + " 9007199254740991)"),
          new Check(
              "entries_per_transfer",
              "SELECT t.tenant_id, t.id::text, t.status || ' with ' || coalesce(e.n, 0) || ' entries"
                  + " summing to ' || coalesce(e.total, 0) FROM transfers t LEFT JOIN (SELECT"
                  + " tenant_id, transfer_id, count(*) AS n, sum(amount) AS total, sum(abs(amount)) / 2"
                  + " AS moved FROM entries GROUP BY tenant_id, transfer_id) e ON e.tenant_id ="
                  + " t.tenant_id AND e.transfer_id = t.id WHERE (t.status = 'posted' AND (e.n IS"
                  + " DISTINCT FROM 2 OR e.total <> 0 OR e.moved <> coalesce(t.captured_amount,"
                  + " t.amount))) OR (t.status <> 'posted' AND e.n IS NOT NULL)"),
          new Check(
              "pending_totals_match_holds",
              "SELECT a.tenant_id, a.id::text, 'pending ' || a.debits_pending || '/' ||"
                  + " a.credits_pending || ', holds ' || coalesce(d.total, 0) || '/' || coalesce(c.total,"
                  + " 0) FROM accounts a LEFT JOIN (SELECT tenant_id, debit_account_id AS id,"
                  + " sum(amount) AS total FROM transfers WHERE status = 'pending' GROUP BY 1, 2) d ON"
                  + " d.tenant_id = a.tenant_id AND d.id = a.id LEFT JOIN (SELECT tenant_id,"
                  + " credit_account_id AS id, sum(amount) AS total FROM transfers WHERE status ="
                  + " 'pending' GROUP BY 1, 2) c ON c.tenant_id = a.tenant_id AND c.id = a.id WHERE"
                  + " a.debits_pending <> coalesce(d.total, 0) OR a.credits_pending <> coalesce(c.total,"
                  + " 0)"),
          new Check(
              "pending_holds_listed",
              "SELECT t.tenant_id, t.id::text, t.status || (CASE WHEN p.transfer_id IS NULL THEN ''"
                  + " ELSE ' but listed' END) FROM transfers t FULL JOIN pending_holds p ON"
                  + " p.tenant_id = t.tenant_id AND p.transfer_id = t.id WHERE (t.status = 'pending')"
                  + " IS DISTINCT FROM (p.transfer_id IS NOT NULL)"),
          new Check(
              "refunds_sum",
              "SELECT t.tenant_id, t.id::text, 'refunded ' || t.refunded_amount || ', refunds ' ||"
                  + " coalesce(r.total, 0) FROM transfers t LEFT JOIN (SELECT tenant_id, refund_of,"
                  + " sum(amount) AS total FROM transfers WHERE kind = 'refund' AND status = 'posted'"
                  + " GROUP BY 1, 2) r ON r.tenant_id = t.tenant_id AND r.refund_of = t.id WHERE"
                  + " t.status <> 'rejected' AND t.refunded_amount <> coalesce(r.total, 0)"),
          new Check(
              "outbox_matches_transfers",
              "SELECT t.tenant_id, t.id::text, t.status || ' with events ' || coalesce(o.types, '')"
                  + " FROM transfers t LEFT JOIN (SELECT tenant_id, subject_id, string_agg(type, ','"
                  + " ORDER BY type) AS types FROM outbox WHERE type LIKE 'transfer.%'"
                  + " AND type <> 'transfer.refunded' GROUP BY 1, 2) o"
                  + " ON o.tenant_id = t.tenant_id AND o.subject_id = t.id WHERE t.status <> 'rejected'"
                  + " AND coalesce(o.types, '') <> (CASE WHEN t.hold_expires_at IS NULL THEN"
                  + " 'transfer.posted' WHEN t.status = 'pending' THEN 'transfer.pending' WHEN"
                  + " t.status = 'posted' THEN 'transfer.captured,transfer.pending' WHEN t.status ="
                  + " 'voided' THEN 'transfer.pending,transfer.voided' ELSE"
                  + " 'transfer.expired,transfer.pending' END)"),
          new Check(
              "refund_events_match_refunds",
              "SELECT t.tenant_id, t.id::text, coalesce(o.n, 0) || ' refunded events, '"
                  + " || coalesce(r.n, 0) || ' refunds' FROM transfers t LEFT JOIN (SELECT"
                  + " tenant_id, subject_id, count(*) AS n FROM outbox WHERE type ="
                  + " 'transfer.refunded' GROUP BY 1, 2) o ON o.tenant_id = t.tenant_id AND"
                  + " o.subject_id = t.id LEFT JOIN (SELECT tenant_id, refund_of, count(*) AS n"
                  + " FROM transfers WHERE kind = 'refund' AND status = 'posted' GROUP BY 1, 2) r"
                  + " ON r.tenant_id = t.tenant_id AND r.refund_of = t.id WHERE t.status <>"
                  + " 'rejected' AND coalesce(o.n, 0) <> coalesce(r.n, 0)"));

  private final Database transactions;
  private final int differencesMax;

  public Verifier(Database transactions, int differencesMax) {
    this.transactions = transactions;
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
    return transactions.inTransaction(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            s.execute("SET LOCAL statement_timeout = '30min'");
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
    try (PreparedStatement ps = c.prepareStatement(check.sql() + " LIMIT " + left);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        differences.add(
            new Difference(check.name(), rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    }
  }
}
