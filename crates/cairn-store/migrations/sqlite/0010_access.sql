-- Access beyond a browser session (SQLite): accounts that can be deactivated and provisioned
-- by a directory, personal access tokens, one-time grants (reset links, sign-ons in flight)
-- and the audit log. Secrets are kept only as hashes. Never edit once landed.

ALTER TABLE accounts ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE accounts ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX accounts_by_external_id ON accounts (external_id) WHERE external_id IS NOT NULL;

CREATE TABLE tokens (
    id           TEXT PRIMARY KEY,
    person_id    TEXT NOT NULL REFERENCES people (id),
    name         TEXT NOT NULL,
    hash         TEXT NOT NULL UNIQUE,
    scope        TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    expires_at   TEXT,
    last_used_at TEXT,
    revoked_at   TEXT
);
CREATE INDEX tokens_by_person ON tokens (person_id);

CREATE TABLE grants (
    hash       TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,
    person_id  TEXT REFERENCES people (id),
    payload    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

-- Who did what to whom, when and from where; never record content. The actor is kept as
-- written even if their account goes.
CREATE TABLE audit_log (
    id          TEXT PRIMARY KEY,
    at          TEXT NOT NULL,
    actor_id    TEXT,
    actor_login TEXT NOT NULL,
    action      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    address     TEXT NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (at);
