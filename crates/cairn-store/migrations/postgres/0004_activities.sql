-- Imported activities: the inbox (PostgreSQL). Never edit once landed.

CREATE TABLE activities (
    id          UUID PRIMARY KEY,
    owner_id    UUID NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    source      TEXT NOT NULL,
    external_id TEXT NOT NULL,
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    url         TEXT,
    container   TEXT NOT NULL,
    group_key   TEXT NOT NULL,
    files       INTEGER NOT NULL,
    additions   INTEGER NOT NULL,
    deletions   INTEGER NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    state       TEXT NOT NULL,
    evidence_id UUID REFERENCES evidence (id) DEFERRABLE INITIALLY DEFERRED,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    -- The same commit, pull request or ticket imported twice is one activity.
    UNIQUE (owner_id, source, external_id)
);
CREATE INDEX activities_by_state ON activities (owner_id, state, group_key);
CREATE INDEX activities_by_evidence ON activities (evidence_id);
