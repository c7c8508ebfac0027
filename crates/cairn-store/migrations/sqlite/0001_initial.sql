-- Cairn's first schema (SQLite). Ids are UUIDv7 text, timestamps RFC 3339 text in UTC,
-- dates YYYY-MM-DD text, lists JSON text. Never edit a migration once it has landed.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE ladders (
    id       TEXT NOT NULL,
    version  INTEGER NOT NULL,
    document TEXT NOT NULL,
    PRIMARY KEY (id, version)
);

CREATE TABLE people (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    emails         TEXT NOT NULL,
    ladder_id      TEXT NOT NULL,
    ladder_version INTEGER NOT NULL,
    level          TEXT NOT NULL,
    manager_id     TEXT REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    FOREIGN KEY (ladder_id, ladder_version) REFERENCES ladders (id, version)
);

CREATE TABLE destinations (
    id                TEXT PRIMARY KEY,
    owner_id          TEXT NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    statement         TEXT NOT NULL,
    target_level      TEXT,
    horizon           TEXT,
    reps              TEXT NOT NULL,
    evidence_criteria TEXT NOT NULL,
    status            TEXT NOT NULL,
    visibility        TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX destinations_by_owner ON destinations (owner_id, created_at);

CREATE TABLE destination_events (
    id             TEXT PRIMARY KEY,
    destination_id TEXT NOT NULL REFERENCES destinations (id) DEFERRABLE INITIALLY DEFERRED,
    owner_id       TEXT NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    change         TEXT NOT NULL,
    statement      TEXT NOT NULL,
    reason         TEXT NOT NULL,
    at             TEXT NOT NULL
);
CREATE INDEX destination_events_by_owner ON destination_events (owner_id, at);

-- `seq` is an explicit integer key so the full-text index's rowids survive VACUUM.
CREATE TABLE evidence (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    owner_id       TEXT NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    date           TEXT NOT NULL,
    title          TEXT NOT NULL,
    body           TEXT NOT NULL,
    impact         TEXT NOT NULL,
    links          TEXT NOT NULL,
    competencies   TEXT NOT NULL,
    level          TEXT NOT NULL,
    areas          TEXT NOT NULL,
    visibility     TEXT NOT NULL,
    source         TEXT NOT NULL,
    ladder_id      TEXT NOT NULL,
    ladder_version INTEGER NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    FOREIGN KEY (ladder_id, ladder_version) REFERENCES ladders (id, version)
);
CREATE INDEX evidence_by_owner_date ON evidence (owner_id, date DESC, id DESC);
CREATE INDEX evidence_by_date ON evidence (date DESC, id DESC);

-- The competencies of each piece of evidence, one row each: the index that `list --skill`
-- filters through. `evidence.competencies` holds the same list, in order, for reading.
CREATE TABLE evidence_competencies (
    evidence_id   TEXT NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    competency_id TEXT NOT NULL,
    PRIMARY KEY (evidence_id, position)
) WITHOUT ROWID;
CREATE INDEX evidence_competencies_by_competency ON evidence_competencies (competency_id, evidence_id);

-- The database keeps the index rows in step with the column, whoever writes it.
CREATE TRIGGER evidence_competencies_insert AFTER INSERT ON evidence BEGIN
    INSERT INTO evidence_competencies (evidence_id, position, competency_id)
    SELECT new.id, key, value FROM json_each(new.competencies);
END;

CREATE TRIGGER evidence_competencies_update AFTER UPDATE OF competencies ON evidence BEGIN
    DELETE FROM evidence_competencies WHERE evidence_id = old.id;
    INSERT INTO evidence_competencies (evidence_id, position, competency_id)
    SELECT new.id, key, value FROM json_each(new.competencies);
END;

CREATE VIRTUAL TABLE evidence_fts USING fts5 (
    title, body, impact,
    content = 'evidence', content_rowid = 'seq',
    tokenize = 'porter unicode61'
);

CREATE TRIGGER evidence_fts_insert AFTER INSERT ON evidence BEGIN
    INSERT INTO evidence_fts (rowid, title, body, impact)
    VALUES (new.seq, new.title, new.body, new.impact);
END;

CREATE TRIGGER evidence_fts_delete AFTER DELETE ON evidence BEGIN
    INSERT INTO evidence_fts (evidence_fts, rowid, title, body, impact)
    VALUES ('delete', old.seq, old.title, old.body, old.impact);
END;

CREATE TRIGGER evidence_fts_update AFTER UPDATE OF title, body, impact ON evidence BEGIN
    INSERT INTO evidence_fts (evidence_fts, rowid, title, body, impact)
    VALUES ('delete', old.seq, old.title, old.body, old.impact);
    INSERT INTO evidence_fts (rowid, title, body, impact)
    VALUES (new.seq, new.title, new.body, new.impact);
END;
