-- Assessment rounds and the levels each side gave (PostgreSQL). Never edit once landed.

CREATE TABLE rounds (
    id                   UUID PRIMARY KEY,
    owner_id             UUID NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    ladder_id            TEXT NOT NULL,
    ladder_version       INTEGER NOT NULL,
    name                 TEXT NOT NULL,
    self_submitted_at    TIMESTAMPTZ,
    manager_submitted_at TIMESTAMPTZ,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    FOREIGN KEY (ladder_id, ladder_version) REFERENCES ladders (id, version)
);
CREATE INDEX rounds_by_owner ON rounds (owner_id, created_at);
-- Round names are unique per person, whatever their case.
CREATE UNIQUE INDEX rounds_by_owner_name ON rounds (owner_id, lower(name));

-- One level per competency per side per round.
CREATE TABLE assessments (
    id            UUID PRIMARY KEY,
    round_id      UUID NOT NULL REFERENCES rounds (id) DEFERRABLE INITIALLY DEFERRED,
    assessor      TEXT NOT NULL,
    recorded_by   UUID NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    competency_id TEXT NOT NULL,
    level         TEXT NOT NULL,
    note          TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (round_id, assessor, competency_id)
);
