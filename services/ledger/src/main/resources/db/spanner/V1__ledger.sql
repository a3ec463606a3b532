-- The ledger's tables on Spanner's PostgreSQL dialect: the same rows and rules as the PostgreSQL
-- schema (db/migration), laid out for Spanner (docs/spanner.md):
--   * ids are varchar(36): the dialect has no uuid type on the emulator. Random UUIDs as the
--     second key column after the tenant spread every table over its splits.
--   * an account's entries are interleaved in it (stored beside their account, one split).
--   * nothing has a monotonically increasing leading key: the time-ordered indexes of holds and of
--     the outbox lead with a shard computed from the row's random id.
--   * the outbox records the commit timestamp of the transaction that wrote it, the order the
--     event feed relays it in (the PostgreSQL schema uses the transaction id for the same promise).
-- The constraints repeat the engine's rules, as on PostgreSQL.

CREATE TABLE accounts (
    tenant_id       varchar(36)  NOT NULL,
    account_id      varchar(36)  NOT NULL,
    currency        varchar(3)   NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    external_ref    varchar(256),
    status          varchar(8)   NOT NULL CHECK (status IN ('active', 'frozen', 'closed')),
    min_balance     bigint,
    max_balance     bigint,
    debits_posted   bigint       NOT NULL CHECK (debits_posted >= 0),
    credits_posted  bigint       NOT NULL CHECK (credits_posted >= 0),
    debits_pending  bigint       NOT NULL CHECK (debits_pending >= 0),
    credits_pending bigint       NOT NULL CHECK (credits_pending >= 0),
    metadata        jsonb        NOT NULL,
    request_hash    varchar(64)  NOT NULL,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    version         bigint       NOT NULL CHECK (version >= 1),
    entry_count     bigint       NOT NULL CHECK (entry_count >= 0),
    PRIMARY KEY (tenant_id, account_id),
    CONSTRAINT accounts_posted_in_range
        CHECK (credits_posted - debits_posted BETWEEN -9007199254740991 AND 9007199254740991),
    CONSTRAINT accounts_min_balance
        CHECK (credits_posted - debits_posted - debits_pending >= COALESCE(min_balance, -9007199254740991)),
    CONSTRAINT accounts_max_balance
        CHECK (credits_posted + credits_pending - debits_posted <= COALESCE(max_balance, 9007199254740991)),
    CONSTRAINT accounts_bounds_ordered
        CHECK (min_balance IS NULL OR max_balance IS NULL OR min_balance <= max_balance),
    CONSTRAINT accounts_closed_empty
        CHECK (status <> 'closed'
               OR (credits_posted = debits_posted AND debits_pending = 0 AND credits_pending = 0))
);

CREATE UNIQUE INDEX accounts_external_ref_unique ON accounts (tenant_id, external_ref)
    WHERE external_ref IS NOT NULL;

CREATE TABLE transfers (
    tenant_id          varchar(36)  NOT NULL,
    id                 varchar(36)  NOT NULL,
    debit_account_id   varchar(36)  NOT NULL,
    credit_account_id  varchar(36)  NOT NULL,
    amount             bigint       NOT NULL CHECK (amount BETWEEN 1 AND 1000000000000000),
    currency           varchar(3)   NOT NULL,
    kind               varchar(16)  NOT NULL
        CHECK (kind IN ('payment', 'top_up', 'refund', 'transfer', 'adjustment')),
    status             varchar(16)  NOT NULL
        CHECK (status IN ('posted', 'pending', 'voided', 'expired', 'rejected')),
    rejection          varchar(32),
    rejection_detail   varchar(512),
    hold_timeout_seconds bigint     NOT NULL CHECK (hold_timeout_seconds BETWEEN 0 AND 2592000),
    captured_amount    bigint,
    refund_of          varchar(36),
    refunded_amount    bigint       NOT NULL,
    hold_expires_at    timestamptz,
    reference          varchar(256),
    metadata           jsonb        NOT NULL,
    request_hash       varchar(64)  NOT NULL,
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT transfers_rejection_iff_rejected CHECK ((status = 'rejected') = (rejection IS NOT NULL)),
    CONSTRAINT transfers_distinct_accounts
        CHECK (status = 'rejected' OR debit_account_id <> credit_account_id),
    CONSTRAINT transfers_hold_has_expiry
        CHECK (status = 'rejected' OR (hold_timeout_seconds > 0) = (hold_expires_at IS NOT NULL)),
    CONSTRAINT transfers_capture_within_hold
        CHECK (captured_amount IS NULL
               OR (hold_expires_at IS NOT NULL AND status = 'posted'
                   AND captured_amount BETWEEN 1 AND amount)),
    CONSTRAINT transfers_refund_has_original CHECK ((kind = 'refund') = (refund_of IS NOT NULL)),
    CONSTRAINT transfers_refunds_within_amount
        CHECK (refunded_amount >= 0 AND refunded_amount <= COALESCE(captured_amount, amount))
);

-- Each leads with the tenant: a tenant's own time order, spread over the tenants.
CREATE INDEX transfers_by_time ON transfers (tenant_id, created_at, id);
CREATE INDEX transfers_by_debit_account ON transfers (tenant_id, debit_account_id, created_at, id);
CREATE INDEX transfers_by_credit_account ON transfers (tenant_id, credit_account_id, created_at, id);
CREATE INDEX transfers_by_refund_of ON transfers (tenant_id, refund_of, created_at, id)
    WHERE refund_of IS NOT NULL;

-- Two entries per posted movement, numbered per account, interleaved in their account.
CREATE TABLE entries (
    tenant_id      varchar(36)  NOT NULL,
    account_id     varchar(36)  NOT NULL,
    seq            bigint       NOT NULL CHECK (seq >= 1),
    transfer_id    varchar(36)  NOT NULL,
    amount         bigint       NOT NULL CHECK (amount <> 0 AND amount BETWEEN -1000000000000000 AND 1000000000000000),
    balance_after  bigint       NOT NULL,
    created_at     timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, account_id, seq),
    CONSTRAINT entries_transfer_fk FOREIGN KEY (tenant_id, transfer_id) REFERENCES transfers (tenant_id, id)
) INTERLEAVE IN PARENT accounts ON DELETE NO ACTION;

-- Holds still pending; the sweeper reads them by expiry in each of 16 shards.
CREATE TABLE pending_holds (
    tenant_id    varchar(36)  NOT NULL,
    transfer_id  varchar(36)  NOT NULL,
    expires_at   timestamptz  NOT NULL,
    shard        bigint       NOT NULL
        GENERATED ALWAYS AS (((spanner.farm_fingerprint(transfer_id) % 16) + 16) % 16) STORED,
    PRIMARY KEY (tenant_id, transfer_id),
    CONSTRAINT pending_holds_transfer_fk FOREIGN KEY (tenant_id, transfer_id) REFERENCES transfers (tenant_id, id)
);
CREATE INDEX pending_holds_by_expiry ON pending_holds (shard, expires_at);

-- Events, written in the transaction of the change they describe, with its commit timestamp.
-- payload is text: the JSON exactly as the API wrote it (jsonb would reorder its fields).
CREATE TABLE outbox (
    id            varchar(36)  NOT NULL PRIMARY KEY,
    tenant_id     varchar(36)  NOT NULL,
    type          varchar(32)  NOT NULL,
    subject_id    varchar(36)  NOT NULL,
    payload       varchar      NOT NULL,
    created_at    timestamptz  NOT NULL,
    position      bigint       NOT NULL,
    committed_at  spanner.commit_timestamp NOT NULL,
    shard         bigint       NOT NULL
        GENERATED ALWAYS AS (((spanner.farm_fingerprint(id) % 16) + 16) % 16) STORED
);
CREATE INDEX outbox_by_commit ON outbox (shard, committed_at, position, id);
