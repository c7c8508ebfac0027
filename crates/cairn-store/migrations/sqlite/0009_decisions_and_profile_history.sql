-- Decisions to push, wait or change, and the history of profile changes (SQLite).
-- Never edit once landed.

CREATE TABLE decisions (
    id         TEXT PRIMARY KEY,
    owner_id   TEXT NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    choice     TEXT NOT NULL,
    because    TEXT NOT NULL,
    decided_on TEXT NOT NULL,
    revisit    TEXT NOT NULL,
    context    TEXT NOT NULL,
    visibility TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX decisions_by_owner ON decisions (owner_id, decided_on);

CREATE TABLE profile_changes (
    id         TEXT PRIMARY KEY,
    person_id  TEXT NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    field      TEXT NOT NULL,
    from_value TEXT NOT NULL,
    to_value   TEXT NOT NULL,
    reason     TEXT NOT NULL,
    at         TEXT NOT NULL
);
CREATE INDEX profile_changes_by_person ON profile_changes (person_id, at);
