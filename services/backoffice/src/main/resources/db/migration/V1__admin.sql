-- The backoffice's tables: tenants, API keys (hashes of their secrets only) and an append-only
-- audit log of every operator and key-management action.

CREATE TABLE tenants (
    id          uuid          NOT NULL PRIMARY KEY,
    name        varchar(256)  NOT NULL CHECK (length(name) >= 1),
    created_at  timestamptz   NOT NULL
);
CREATE INDEX tenants_by_time ON tenants (created_at, id);

-- A key is presented as sk_<id, 32 hex digits>_<secret>; the id finds the row, and the SHA-256
-- of the whole key is compared in constant time. An operator key belongs to no tenant.
CREATE TABLE api_keys (
    id                uuid          NOT NULL PRIMARY KEY,
    tenant_id         uuid          REFERENCES tenants,
    name              varchar(256)  NOT NULL,
    scopes            varchar(512)  NOT NULL,
    key_hash          bytea         NOT NULL CHECK (length(key_hash) = 32),
    rate_per_second   integer       NOT NULL CHECK (rate_per_second BETWEEN 1 AND 1000000),
    burst             integer       NOT NULL CHECK (burst BETWEEN 1 AND 10000000),
    created_at        timestamptz   NOT NULL,
    revoked_at        timestamptz,
    CONSTRAINT api_keys_operator_has_no_tenant CHECK ((tenant_id IS NULL) = (scopes = 'operator'))
);
CREATE INDEX api_keys_by_tenant ON api_keys (tenant_id, created_at, id);

CREATE TABLE audit_log (
    id            uuid          NOT NULL PRIMARY KEY,
    at            timestamptz   NOT NULL,
    actor         varchar(64)   NOT NULL,
    actor_tenant  uuid,
    action        varchar(64)   NOT NULL,
    target        varchar(128)  NOT NULL,
    request_id    varchar(128)  NOT NULL,
    detail        jsonb         NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (at, id);
