-- The ledger's tables. Every row carries its tenant; every key starts with it, and ids are
-- client-chosen or random UUIDs, so no key is a single write hotspot. The constraints repeat the
-- engine's rules: a bug in one is caught by the other.

CREATE TABLE accounts (
    tenant_id       uuid         NOT NULL,
    id              uuid         NOT NULL,
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
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT accounts_external_ref_unique UNIQUE (tenant_id, external_ref),
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

-- Every outcome of a transfer id, rejections included, so that a retry gets the same answer.
-- A rejected request may name accounts or an original that do not exist: the foreign keys are
-- on entries, the rows that move money.
CREATE TABLE transfers (
    tenant_id          uuid         NOT NULL,
    id                 uuid         NOT NULL,
    debit_account_id   uuid         NOT NULL,
    credit_account_id  uuid         NOT NULL,
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
    refund_of          uuid,
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

CREATE INDEX transfers_by_time ON transfers (tenant_id, created_at, id);
CREATE INDEX transfers_by_debit_account ON transfers (tenant_id, debit_account_id, created_at, id);
CREATE INDEX transfers_by_credit_account ON transfers (tenant_id, credit_account_id, created_at, id);
CREATE INDEX transfers_by_reference ON transfers (tenant_id, reference, created_at, id);

-- Two entries per posted movement (a posted transfer, a capture), numbered per account, each
-- with the account's posted balance after it.
CREATE TABLE entries (
    tenant_id      uuid         NOT NULL,
    account_id     uuid         NOT NULL,
    seq            bigint       NOT NULL CHECK (seq >= 1),
    transfer_id    uuid         NOT NULL,
    amount         bigint       NOT NULL CHECK (amount <> 0 AND amount BETWEEN -1000000000000000 AND 1000000000000000),
    balance_after  bigint       NOT NULL,
    created_at     timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, account_id, seq),
    CONSTRAINT entries_account_fk FOREIGN KEY (tenant_id, account_id) REFERENCES accounts,
    CONSTRAINT entries_transfer_fk FOREIGN KEY (tenant_id, transfer_id) REFERENCES transfers
);

-- Holds still pending, by expiry time, for the sweeper that expires them.
CREATE TABLE pending_holds (
    tenant_id    uuid         NOT NULL,
    transfer_id  uuid         NOT NULL,
    expires_at   timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, transfer_id),
    CONSTRAINT pending_holds_transfer_fk FOREIGN KEY (tenant_id, transfer_id) REFERENCES transfers
);
CREATE INDEX pending_holds_by_expiry ON pending_holds (expires_at);

-- Events, written in the transaction of the change they describe. The webhooks service relays
-- them; it assigns the feed's sequence numbers, so that no global sequence is needed here.
CREATE TABLE outbox (
    id          uuid         NOT NULL PRIMARY KEY,
    tenant_id   uuid         NOT NULL,
    type        varchar(32)  NOT NULL,
    subject_id  uuid         NOT NULL,
    payload     jsonb        NOT NULL,
    created_at  timestamptz  NOT NULL
);
CREATE INDEX outbox_by_time ON outbox (created_at, id);
