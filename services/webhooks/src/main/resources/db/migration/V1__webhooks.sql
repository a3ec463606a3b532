-- The webhooks service's own schema: the event feed relayed from the ledger's outbox, the
-- tenants' endpoints, and the deliveries to them (docs/decisions/0005-event-feed-order.md).

-- Where the relay stands in the outbox, and the feed's last sequence number. One relay at a time
-- holds this row (SELECT ... FOR UPDATE SKIP LOCKED), for the length of one short transaction;
-- the ledger's writers never touch it.
CREATE TABLE relay (
    id              smallint     NOT NULL PRIMARY KEY CHECK (id = 1),
    last_seq        bigint       NOT NULL,
    last_xid        bigint       NOT NULL,
    last_position   int          NOT NULL,
    last_event_id   uuid         NOT NULL,
    -- every event up to here has been pruned: a reader after a lower seq missed some (410)
    pruned_through  bigint       NOT NULL
);
INSERT INTO relay VALUES (1, 0, 0, 0, '00000000-0000-0000-0000-000000000000', 0);

-- The feed: each event of the outbox once, numbered in the order of the transactions that wrote
-- them. data is the Transfer or Account as the API showed it after the change.
CREATE TABLE events (
    seq         bigint       NOT NULL PRIMARY KEY,
    id          uuid         NOT NULL,
    tenant_id   uuid         NOT NULL,
    type        varchar(32)  NOT NULL,
    accounts    uuid[]       NOT NULL,
    data        text         NOT NULL,
    created_at  timestamptz  NOT NULL,
    relayed_at  timestamptz  NOT NULL
);
CREATE INDEX events_by_tenant ON events (tenant_id, seq);
CREATE INDEX events_by_time ON events (tenant_id, created_at);

CREATE TABLE endpoints (
    id               uuid          NOT NULL PRIMARY KEY,
    tenant_id        uuid          NOT NULL,
    url              varchar(2048) NOT NULL,
    events           text[]        NOT NULL,
    description      varchar(256),
    -- active, paused, disabled (by 410 or by failing for days; disabled_reason says which) or
    -- deleted (its deliveries are removed in bounded batches, then the row)
    status           varchar(16)   NOT NULL,
    disabled_reason  varchar(256),
    rate_per_second  int           NOT NULL,
    -- AES-GCM under the service's key: 12 bytes of nonce, then the sealed 32-byte secret
    secret           bytea         NOT NULL,
    previous_secret  bytea,
    previous_until   timestamptz,
    failing_since    timestamptz,
    -- raised by a replay or a re-enabling: the replica delivering to it reloads what is pending
    generation       bigint        NOT NULL DEFAULT 0,
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL
);
CREATE INDEX endpoints_by_tenant ON endpoints (tenant_id, created_at, id);

-- What each endpoint is owed: one row per (endpoint, event), written by the relay in the
-- transaction that relays the event.
CREATE TABLE deliveries (
    endpoint_id      uuid         NOT NULL,
    seq              bigint       NOT NULL,
    status           varchar(16)  NOT NULL, -- pending, succeeded, failed
    attempts         int          NOT NULL,
    next_attempt_at  timestamptz  NOT NULL,
    PRIMARY KEY (endpoint_id, seq)
);
CREATE INDEX deliveries_pending ON deliveries (endpoint_id, seq) WHERE status = 'pending';

-- Every attempt, for GET /v1/webhooks/{id}/deliveries.
CREATE TABLE attempts (
    id               bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    endpoint_id      uuid         NOT NULL,
    seq              bigint       NOT NULL,
    attempt          int          NOT NULL,
    attempted_at     timestamptz  NOT NULL,
    status_code      int,
    latency_ms       int          NOT NULL,
    error            varchar(512),
    succeeded        boolean      NOT NULL,
    next_attempt_at  timestamptz
);
CREATE INDEX attempts_by_endpoint ON attempts (endpoint_id, id);
CREATE INDEX attempts_by_time ON attempts (attempted_at);

-- Which replica delivers to which endpoint, until when. A lease is renewed well before it
-- expires; a replica that dies loses its leases when they expire, and another takes them.
CREATE TABLE leases (
    endpoint_id  uuid         NOT NULL PRIMARY KEY,
    owner        uuid         NOT NULL,
    expires_at   timestamptz  NOT NULL
);

-- The replicas alive, so that each takes its share of the endpoints.
CREATE TABLE workers (
    id       uuid         NOT NULL PRIMARY KEY,
    seen_at  timestamptz  NOT NULL
);

-- Replays: a range of the feed to offer an endpoint again, expanded in bounded chunks.
CREATE TABLE replays (
    id           uuid         NOT NULL PRIMARY KEY,
    endpoint_id  uuid         NOT NULL,
    tenant_id    uuid         NOT NULL,
    after_seq    bigint       NOT NULL,
    through_seq  bigint       NOT NULL,
    created_at   timestamptz  NOT NULL,
    done_at      timestamptz
);
CREATE INDEX replays_open ON replays (created_at) WHERE done_at IS NULL;
