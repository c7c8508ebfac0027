-- Team server accounts, sessions and failed logins (SQLite). Never edit once landed.

CREATE TABLE accounts (
    person_id     TEXT PRIMARY KEY REFERENCES people (id),
    login         TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- Only a hash of each session token is kept.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    person_id  TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    csrf       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_by_person ON sessions (person_id);

-- Failed logins, for rate limiting shared by every app server.
CREATE TABLE login_failures (
    login TEXT NOT NULL,
    at    TEXT NOT NULL
);
CREATE INDEX login_failures_by_login ON login_failures (login, at);
