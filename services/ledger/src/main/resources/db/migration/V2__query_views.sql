-- The contract between the ledger and the query service: versioned read-only views (v1) and a
-- role that may read them and nothing else. A new version of a view is added beside the old
-- one (expand), and the old one dropped only when no query service reads it any more
-- (contract).

-- Finds the entry at or before a time with one index lookup (balance as of a time, statement
-- openings, time filters of history).
CREATE INDEX entries_by_time ON entries (tenant_id, account_id, created_at, seq);

CREATE VIEW query_v1_accounts AS
SELECT tenant_id, id, currency, status, credits_posted - debits_posted AS posted, created_at
FROM accounts;

CREATE VIEW query_v1_entries AS
SELECT e.tenant_id, e.account_id, e.seq, e.transfer_id, e.amount, e.balance_after, e.created_at,
       t.kind, t.reference
FROM entries e
JOIN transfers t ON t.tenant_id = e.tenant_id AND t.id = e.transfer_id;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'saldo_query') THEN
        CREATE ROLE saldo_query NOLOGIN;
    END IF;
END
$$;
GRANT USAGE ON SCHEMA ledger TO saldo_query;
GRANT SELECT ON query_v1_accounts, query_v1_entries TO saldo_query;
