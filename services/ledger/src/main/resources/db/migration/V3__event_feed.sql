-- The contract between the ledger and the webhooks service, which turns the outbox into the event
-- feed (docs/decisions/0005-event-feed-order.md).
--
-- Every outbox row carries the id of the transaction that wrote it, and its place among the rows
-- that one statement wrote. The relay reads only rows of transactions older than the oldest one
-- still running (pg_snapshot_xmin), in (xid, position, id) order: no row can later appear before
-- a row already read, because every transaction with a smaller id has finished. Nothing here is
-- a counter that writers share.
ALTER TABLE outbox ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE outbox ADD COLUMN position int NOT NULL DEFAULT 0;
CREATE INDEX outbox_by_xid ON outbox (xid, position, id);
-- json, not jsonb: the text is kept as the API wrote it (field order, no added spaces), so that an
-- event's data reads exactly as the Transfer or Account the API answered.
ALTER TABLE outbox ALTER COLUMN payload TYPE json;

-- The accounts an event concerns, in the order the webhooks service keeps per account.
CREATE VIEW webhooks_v1_outbox AS
SELECT xid, position, id, tenant_id, type, subject_id, payload, created_at,
       CASE WHEN type LIKE 'account.%' THEN ARRAY[subject_id]
            ELSE ARRAY[(payload ->> 'debitAccountId')::uuid, (payload ->> 'creditAccountId')::uuid]
       END AS accounts
FROM outbox;
