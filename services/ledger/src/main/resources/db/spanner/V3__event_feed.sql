-- The contract between the ledger and the webhooks service on Spanner, as V3 of the PostgreSQL
-- schema: the outbox as the relay reads it (docs/decisions/0005-event-feed-order.md).
--
-- On PostgreSQL the relay's order is the writing transaction's id; here it is the commit timestamp
-- Spanner stamped on the row. A strong read at timestamp T sees every row committed at or before T,
-- and every transaction it does not see commits after T: so rows read in (committed_at, position,
-- id) order from a strong read can never be joined later by a row that sorts before them.
-- shard is the outbox index's leading key; a reader seeks each shard with it. The accounts an event
-- concerns, a column of the PostgreSQL view, are read by the relay from the payload (a view on
-- Spanner cannot cast text to jsonb).
CREATE VIEW webhooks_v1_outbox SQL SECURITY INVOKER AS
SELECT committed_at, position, id, tenant_id, type, subject_id, payload, created_at, shard
FROM outbox;
