-- The backoffice's tables on Spanner's PostgreSQL dialect: the rows and rules of its PostgreSQL
-- schema (db/migration V1 and V2), laid out for Spanner (docs/spanner.md). Ids are varchar(36)
-- and lead every primary key; the time-ordered indexes lead with a shard computed from the row's
-- random id, so that no index has a monotonically increasing leading key.

CREATE TABLE tenants (
    id          varchar(36)   NOT NULL PRIMARY KEY,
    name        varchar(256)  NOT NULL CHECK (length(name) >= 1),
    created_at  timestamptz   NOT NULL,
    shard       bigint        NOT NULL
        GENERATED ALWAYS AS (((spanner.farm_fingerprint(id) % 16) + 16) % 16) STORED
);
CREATE INDEX tenants_by_time ON tenants (shard, created_at, id);

CREATE TABLE api_keys (
    id                varchar(36)   NOT NULL PRIMARY KEY,
    tenant_id         varchar(36),
    name              varchar(256)  NOT NULL,
    scopes            varchar(512)  NOT NULL,
    key_hash          bytea         NOT NULL CHECK (length(key_hash) = 32),
    rate_per_second   bigint        NOT NULL CHECK (rate_per_second BETWEEN 1 AND 1000000),
    burst             bigint        NOT NULL CHECK (burst BETWEEN 1 AND 10000000),
    created_at        timestamptz   NOT NULL,
    revoked_at        timestamptz,
    CONSTRAINT api_keys_operator_has_no_tenant CHECK ((tenant_id IS NULL) = (scopes = 'operator')),
    CONSTRAINT api_keys_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (id)
);
CREATE INDEX api_keys_by_tenant ON api_keys (tenant_id, created_at, id);

CREATE TABLE audit_log (
    id            varchar(36)   NOT NULL PRIMARY KEY,
    at            timestamptz   NOT NULL,
    actor         varchar(64)   NOT NULL,
    actor_tenant  varchar(36),
    action        varchar(64)   NOT NULL,
    target        varchar(128)  NOT NULL,
    request_id    varchar(128)  NOT NULL,
    detail        jsonb         NOT NULL,
    shard         bigint        NOT NULL
        GENERATED ALWAYS AS (((spanner.farm_fingerprint(id) % 16) + 16) % 16) STORED
);
CREATE INDEX audit_log_by_time ON audit_log (shard, at, id);
CREATE INDEX audit_log_by_target ON audit_log (target, at, id);

CREATE TABLE console_sessions (
    id          varchar(36)   NOT NULL PRIMARY KEY,
    key_id      varchar(36)   NOT NULL,
    token_hash  bytea         NOT NULL CHECK (length(token_hash) = 32),
    created_at  timestamptz   NOT NULL,
    expires_at  timestamptz   NOT NULL,
    shard       bigint        NOT NULL
        GENERATED ALWAYS AS (((spanner.farm_fingerprint(id) % 16) + 16) % 16) STORED,
    CONSTRAINT console_sessions_expire_after_creation CHECK (expires_at > created_at),
    CONSTRAINT console_sessions_key_fk FOREIGN KEY (key_id) REFERENCES api_keys (id)
);
CREATE INDEX console_sessions_by_key ON console_sessions (key_id, expires_at);
CREATE INDEX console_sessions_by_expiry ON console_sessions (shard, expires_at);

CREATE TABLE console_submissions (
    id          varchar(36)   NOT NULL PRIMARY KEY,
    session_id  varchar(36)   NOT NULL,
    created_at  timestamptz   NOT NULL,
    shard       bigint        NOT NULL
        GENERATED ALWAYS AS (((spanner.farm_fingerprint(id) % 16) + 16) % 16) STORED
);
CREATE INDEX console_submissions_by_time ON console_submissions (shard, created_at);

CREATE TABLE console_verify_runs (
    id          varchar(36)   NOT NULL PRIMARY KEY,
    at          timestamptz   NOT NULL,
    actor       varchar(64)   NOT NULL,
    clean       boolean       NOT NULL,
    report      jsonb         NOT NULL,
    shard       bigint        NOT NULL
        GENERATED ALWAYS AS (((spanner.farm_fingerprint(id) % 16) + 16) % 16) STORED
);
CREATE INDEX console_verify_runs_by_time ON console_verify_runs (shard, at);
