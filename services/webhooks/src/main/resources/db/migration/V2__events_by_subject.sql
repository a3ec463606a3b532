-- Events know what they are about (the transfer or account of the ledger's outbox row), so that a
-- transfer's page can list the events it produced: GET /v1/events?subjectId=. The column is
-- nullable (rows relayed before this migration have none) and the index is built CONCURRENTLY,
-- outside a transaction (the .conf beside this file), so a rolling deploy never blocks the relay
-- (docs/migrations.md, rule 2).
ALTER TABLE events ADD COLUMN IF NOT EXISTS subject_id uuid;
CREATE INDEX CONCURRENTLY IF NOT EXISTS events_by_subject
    ON events (tenant_id, subject_id, seq) WHERE subject_id IS NOT NULL;
-- An event's deliveries with their last attempt (GET /v1/events/{seq}/deliveries).
CREATE INDEX CONCURRENTLY IF NOT EXISTS attempts_by_delivery ON attempts (endpoint_id, seq, attempt);
