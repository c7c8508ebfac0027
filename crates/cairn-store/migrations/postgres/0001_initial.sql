-- Cairn's first schema (PostgreSQL). Matches the SQLite migration of the same name in
-- meaning; types are native (uuid, date, timestamptz, jsonb lists). Never edit a migration
-- once it has landed.

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
    id             UUID PRIMARY KEY,
    name           TEXT NOT NULL,
    emails         JSONB NOT NULL,
    ladder_id      TEXT NOT NULL,
    ladder_version INTEGER NOT NULL,
    level          TEXT NOT NULL,
    manager_id     UUID REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    FOREIGN KEY (ladder_id, ladder_version) REFERENCES ladders (id, version)
);

CREATE TABLE destinations (
    id                UUID PRIMARY KEY,
    owner_id          UUID NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    statement         TEXT NOT NULL,
    target_level      TEXT,
    horizon           DATE,
    reps              JSONB NOT NULL,
    evidence_criteria TEXT NOT NULL,
    status            TEXT NOT NULL,
    visibility        TEXT NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX destinations_by_owner ON destinations (owner_id, created_at);

CREATE TABLE destination_events (
    id             UUID PRIMARY KEY,
    destination_id UUID NOT NULL REFERENCES destinations (id) DEFERRABLE INITIALLY DEFERRED,
    owner_id       UUID NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    change         TEXT NOT NULL,
    statement      TEXT NOT NULL,
    reason         TEXT NOT NULL,
    at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX destination_events_by_owner ON destination_events (owner_id, at);

CREATE TABLE evidence (
    id             UUID PRIMARY KEY,
    owner_id       UUID NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    date           DATE NOT NULL,
    title          TEXT NOT NULL,
    body           TEXT NOT NULL,
    impact         TEXT NOT NULL,
    links          JSONB NOT NULL,
    competencies   JSONB NOT NULL,
    level          TEXT NOT NULL,
    areas          JSONB NOT NULL,
    visibility     TEXT NOT NULL,
    source         TEXT NOT NULL,
    ladder_id      TEXT NOT NULL,
    ladder_version INTEGER NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    search         TSVECTOR GENERATED ALWAYS AS (
        to_tsvector('english', title || ' ' || body || ' ' || impact)
    ) STORED,
    FOREIGN KEY (ladder_id, ladder_version) REFERENCES ladders (id, version)
);
CREATE INDEX evidence_by_owner_date ON evidence (owner_id, date DESC, id DESC);
CREATE INDEX evidence_by_date ON evidence (date DESC, id DESC);
CREATE INDEX evidence_search ON evidence USING GIN (search);

-- The competencies of each piece of evidence, one row each: the index that `list --skill`
-- filters through. `evidence.competencies` holds the same list, in order, for reading.
CREATE TABLE evidence_competencies (
    evidence_id   UUID NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    competency_id TEXT NOT NULL,
    PRIMARY KEY (evidence_id, position)
);
CREATE INDEX evidence_competencies_by_competency ON evidence_competencies (competency_id, evidence_id);

-- The database keeps the index rows in step with the column, whoever writes it.
CREATE FUNCTION evidence_competencies_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM evidence_competencies WHERE evidence_id = NEW.id;
    INSERT INTO evidence_competencies (evidence_id, position, competency_id)
    SELECT NEW.id, ordinality - 1, value
    FROM jsonb_array_elements_text(NEW.competencies) WITH ORDINALITY AS t (value, ordinality);
    RETURN NULL;
END;
$$;

CREATE TRIGGER evidence_competencies_sync AFTER INSERT OR UPDATE OF competencies ON evidence
    FOR EACH ROW EXECUTE FUNCTION evidence_competencies_sync();
