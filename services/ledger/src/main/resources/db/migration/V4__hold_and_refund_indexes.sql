-- Indexes for what the operators' console reads: the open holds of an account
-- (GET /v1/transfers?accountId=&status=pending) and the refunds of a transfer
-- (GET /v1/transfers?refundOf=), partial indexes that hold only the few rows they serve and cost
-- the write path next to nothing; and accounts by a metadata value (at the end). Built CONCURRENTLY, outside a transaction (the .conf file
-- beside this one), so that a rolling deploy never blocks writes on a large ledger
-- (docs/migrations.md, rule 2).
CREATE INDEX CONCURRENTLY IF NOT EXISTS transfers_pending_by_debit_account
    ON transfers (tenant_id, debit_account_id, created_at, id) WHERE status = 'pending';
CREATE INDEX CONCURRENTLY IF NOT EXISTS transfers_pending_by_credit_account
    ON transfers (tenant_id, credit_account_id, created_at, id) WHERE status = 'pending';
CREATE INDEX CONCURRENTLY IF NOT EXISTS transfers_pending_by_time
    ON transfers (tenant_id, created_at, id) WHERE status = 'pending';
CREATE INDEX CONCURRENTLY IF NOT EXISTS transfers_by_refund_of
    ON transfers (tenant_id, refund_of, created_at, id) WHERE refund_of IS NOT NULL;
-- Finding accounts by a metadata value (GET /v1/accounts?metadataKey=&metadataValue=), the
-- console's search: containment (@>) over a GIN index.
CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_by_metadata
    ON accounts USING gin (metadata jsonb_path_ops);
