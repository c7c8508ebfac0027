-- Reps, growth conversations with their commitments, and constraints (SQLite).
-- Never edit once landed.

CREATE TABLE reps (
    id           TEXT PRIMARY KEY,
    owner_id     TEXT NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL,
    competencies TEXT NOT NULL,
    exposure     TEXT NOT NULL,
    status       TEXT NOT NULL,
    visibility   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX reps_by_owner ON reps (owner_id, created_at);

CREATE TABLE conversations (
    id         TEXT PRIMARY KEY,
    owner_id   TEXT NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    date       TEXT NOT NULL,
    ask        TEXT NOT NULL,
    response   TEXT NOT NULL,
    visibility TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX conversations_by_owner ON conversations (owner_id, date);

CREATE TABLE commitments (
    id              TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations (id) DEFERRABLE INITIALLY DEFERRED,
    what            TEXT NOT NULL,
    who             TEXT NOT NULL,
    due             TEXT,
    outcome         TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX commitments_by_conversation ON commitments (conversation_id);

CREATE TABLE constraints (
    id          TEXT PRIMARY KEY,
    owner_id    TEXT NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    recorded_by TEXT NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    kind        TEXT NOT NULL,
    description TEXT NOT NULL,
    since       TEXT NOT NULL,
    until       TEXT,
    visibility  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX constraints_by_owner ON constraints (owner_id, since);
