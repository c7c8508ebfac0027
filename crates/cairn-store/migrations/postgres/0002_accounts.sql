-- Team server accounts, sessions and failed logins (PostgreSQL). Never edit once landed.

CREATE TABLE accounts (
    person_id     UUID PRIMARY KEY REFERENCES people (id),
    login         TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- Only a hash of each session token is kept.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    person_id  UUID NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    csrf       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_by_person ON sessions (person_id);

-- Failed logins, for rate limiting shared by every app server.
CREATE TABLE login_failures (
    login TEXT NOT NULL,
    at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_failures_by_login ON login_failures (login, at);
