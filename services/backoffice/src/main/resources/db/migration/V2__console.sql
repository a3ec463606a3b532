-- The operators' console. A session is a credential derived from the API key that signed in: the
-- browser holds sk_session_<session id>_<secret> in an HttpOnly cookie, only its SHA-256 is
-- stored, and it carries exactly the tenant and scopes of its key (revoking the key ends its
-- sessions). It ends at expires_at or at sign-out, whichever comes first.
CREATE TABLE console_sessions (
    id          uuid          NOT NULL PRIMARY KEY,
    key_id      uuid          NOT NULL REFERENCES api_keys ON DELETE CASCADE,
    token_hash  bytea         NOT NULL CHECK (length(token_hash) = 32),
    created_at  timestamptz   NOT NULL,
    expires_at  timestamptz   NOT NULL,
    CHECK (expires_at > created_at)
);
CREATE INDEX console_sessions_by_key ON console_sessions (key_id, expires_at);
CREATE INDEX console_sessions_by_expiry ON console_sessions (expires_at);

-- The console's audit page finds the records about one account or transfer.
CREATE INDEX audit_log_by_target ON audit_log (target, at, id);

-- A console form that creates something (a tenant, a key) carries a submission id; the first
-- submission claims it, so a double click creates one thing. Money moves are idempotent by their
-- transfer id instead.
CREATE TABLE console_submissions (
    id          uuid          NOT NULL PRIMARY KEY,
    session_id  uuid          NOT NULL,
    created_at  timestamptz   NOT NULL
);
CREATE INDEX console_submissions_by_time ON console_submissions (created_at);

-- What `saldo verify` last answered when run from the console's system page.
CREATE TABLE console_verify_runs (
    id          uuid          NOT NULL PRIMARY KEY,
    at          timestamptz   NOT NULL,
    actor       varchar(64)   NOT NULL,
    clean       boolean       NOT NULL,
    report      jsonb         NOT NULL
);
CREATE INDEX console_verify_runs_by_time ON console_verify_runs (at);
