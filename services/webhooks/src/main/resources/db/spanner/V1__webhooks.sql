-- The webhooks service's tables on Spanner's PostgreSQL dialect, in a database of its own: the
-- rows and rules of its PostgreSQL schema (db/migration V1 and V2), laid out for Spanner
-- (docs/spanner.md). Ids are varchar(36); integers are bigint, the dialect's one integer type.
-- Nothing has a monotonically increasing leading key: events lead with their tenant, and the
-- seq-ordered and time-ordered indexes lead with a shard.

-- Where the relay stands in the ledger's outbox: the commit timestamp, position and id of the last
-- row relayed (the PostgreSQL schema keeps a transaction id instead), and the feed's last seq. The
-- relay writes the row in the transaction that writes the events; one that finds the row moved
-- since it read the outbox relays nothing and reads again. The first relay inserts it.
CREATE TABLE relay (
    id                 bigint       NOT NULL PRIMARY KEY CHECK (id = 1),
    last_seq           bigint       NOT NULL,
    last_committed_at  timestamptz  NOT NULL,
    last_position      bigint       NOT NULL,
    last_event_id      varchar(36)  NOT NULL,
    -- every event up to here has been pruned: a reader after a lower seq missed some (410)
    pruned_through     bigint       NOT NULL
);

-- The feed. A tenant's events are one range of the key; shard spreads the feed's global seq order
-- (which the pruner walks) over 16 ranges.
CREATE TABLE events (
    tenant_id   varchar(36)  NOT NULL,
    seq         bigint       NOT NULL,
    id          varchar(36)  NOT NULL,
    type        varchar(32)  NOT NULL,
    accounts    varchar[]    NOT NULL,
    subject_id  varchar(36),
    data        varchar      NOT NULL,
    created_at  timestamptz  NOT NULL,
    relayed_at  timestamptz  NOT NULL,
    shard       bigint       NOT NULL GENERATED ALWAYS AS (seq % 16) STORED,
    PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX events_by_seq ON events (shard, seq);
CREATE INDEX events_by_time ON events (tenant_id, created_at);
CREATE INDEX events_by_subject ON events (tenant_id, subject_id, seq) WHERE subject_id IS NOT NULL;

CREATE TABLE endpoints (
    id               varchar(36)    NOT NULL PRIMARY KEY,
    tenant_id        varchar(36)    NOT NULL,
    url              varchar(2048)  NOT NULL,
    events           varchar[]      NOT NULL,
    description      varchar(256),
    -- active, paused, disabled or deleted, as on PostgreSQL
    status           varchar(16)    NOT NULL,
    disabled_reason  varchar(256),
    rate_per_second  bigint         NOT NULL,
    secret           bytea          NOT NULL,
    previous_secret  bytea,
    previous_until   timestamptz,
    failing_since    timestamptz,
    generation       bigint         NOT NULL DEFAULT 0,
    created_at       timestamptz    NOT NULL,
    updated_at       timestamptz    NOT NULL
);
CREATE INDEX endpoints_by_tenant ON endpoints (tenant_id, created_at, id);

CREATE TABLE deliveries (
    endpoint_id      varchar(36)  NOT NULL,
    seq              bigint       NOT NULL,
    status           varchar(16)  NOT NULL, -- pending, succeeded, failed
    attempts         bigint       NOT NULL,
    next_attempt_at  timestamptz  NOT NULL,
    PRIMARY KEY (endpoint_id, seq)
);
-- Spanner has no partial index on a value: the pending ones are a range of this one.
CREATE INDEX deliveries_by_status ON deliveries (endpoint_id, status, seq);

-- An attempt's id is given by the service (its time in milliseconds, then 20 random bits) and
-- orders an endpoint's attempts newest first, as the identity column does on PostgreSQL.
CREATE TABLE attempts (
    endpoint_id      varchar(36)  NOT NULL,
    id               bigint       NOT NULL,
    seq              bigint       NOT NULL,
    attempt          bigint       NOT NULL,
    attempted_at     timestamptz  NOT NULL,
    status_code      bigint,
    latency_ms       bigint       NOT NULL,
    error            varchar(512),
    succeeded        boolean      NOT NULL,
    next_attempt_at  timestamptz,
    shard            bigint       NOT NULL GENERATED ALWAYS AS (id % 16) STORED,
    PRIMARY KEY (endpoint_id, id)
);
CREATE INDEX attempts_by_delivery ON attempts (endpoint_id, seq, attempt);
CREATE INDEX attempts_by_time ON attempts (shard, attempted_at);

CREATE TABLE leases (
    endpoint_id  varchar(36)  NOT NULL PRIMARY KEY,
    owner        varchar(36)  NOT NULL,
    expires_at   timestamptz  NOT NULL
);

CREATE TABLE workers (
    id       varchar(36)  NOT NULL PRIMARY KEY,
    seen_at  timestamptz  NOT NULL
);

-- Few rows, each open for seconds: read whole, no index.
CREATE TABLE replays (
    id           varchar(36)  NOT NULL PRIMARY KEY,
    endpoint_id  varchar(36)  NOT NULL,
    tenant_id    varchar(36)  NOT NULL,
    after_seq    bigint       NOT NULL,
    through_seq  bigint       NOT NULL,
    created_at   timestamptz  NOT NULL,
    done_at      timestamptz
);
