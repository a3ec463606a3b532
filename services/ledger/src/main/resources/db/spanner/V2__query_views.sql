-- The contract between the ledger and the query service on Spanner, as V2 of the PostgreSQL
-- schema: versioned read-only views (v1), the account's id under the name the query service reads.
-- The query service's reads run in read-only transactions and lock nothing.

-- Finds the entry at or before a time with one index lookup, stored beside its account.
CREATE INDEX entries_by_time ON entries (tenant_id, account_id, created_at, seq)
    INTERLEAVE IN accounts;

CREATE VIEW query_v1_accounts SQL SECURITY INVOKER AS
SELECT tenant_id, account_id AS id, currency, status, credits_posted - debits_posted AS posted,
       created_at
FROM accounts;

CREATE VIEW query_v1_entries SQL SECURITY INVOKER AS
SELECT e.tenant_id, e.account_id, e.seq, e.transfer_id, e.amount, e.balance_after, e.created_at,
       t.kind, t.reference
FROM entries e
JOIN transfers t ON t.tenant_id = e.tenant_id AND t.id = e.transfer_id;
