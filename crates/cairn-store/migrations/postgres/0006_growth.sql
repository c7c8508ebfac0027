-- Reps, growth conversations with their commitments, and constraints (PostgreSQL).
-- Never edit once landed.

CREATE TABLE reps (
    id           UUID PRIMARY KEY,
    owner_id     UUID NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL,
    competencies JSONB NOT NULL,
    exposure     TEXT NOT NULL,
    status       TEXT NOT NULL,
    visibility   TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX reps_by_owner ON reps (owner_id, created_at);

CREATE TABLE conversations (
    id         UUID PRIMARY KEY,
    owner_id   UUID NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    date       DATE NOT NULL,
    ask        TEXT NOT NULL,
    response   TEXT NOT NULL,
    visibility TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX conversations_by_owner ON conversations (owner_id, date);

CREATE TABLE commitments (
    id              UUID PRIMARY KEY,
    conversation_id UUID NOT NULL REFERENCES conversations (id) DEFERRABLE INITIALLY DEFERRED,
    what            TEXT NOT NULL,
    who             TEXT NOT NULL,
    due             DATE,
    outcome         TEXT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX commitments_by_conversation ON commitments (conversation_id);

CREATE TABLE constraints (
    id          UUID PRIMARY KEY,
    owner_id    UUID NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    recorded_by UUID NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    kind        TEXT NOT NULL,
    description TEXT NOT NULL,
    since       DATE NOT NULL,
    until       DATE,
    visibility  TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX constraints_by_owner ON constraints (owner_id, since);
