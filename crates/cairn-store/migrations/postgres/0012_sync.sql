-- Sync between an engineer's own store and team servers (PostgreSQL): deletions kept as
-- tombstones so they travel, where records came from (which remote, written by whom), and
-- where each remote's sync stands. Never edit once landed.

CREATE TABLE tombstones (
    kind       TEXT NOT NULL,
    id         UUID NOT NULL,
    owner_id   UUID NOT NULL,
    deleted_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE INDEX tombstones_by_owner ON tombstones (owner_id, deleted_at);

CREATE TABLE origins (
    kind   TEXT NOT NULL,
    id     UUID NOT NULL,
    remote TEXT NOT NULL,
    author TEXT,
    PRIMARY KEY (kind, id)
);

CREATE TABLE sync_state (
    remote        TEXT PRIMARY KEY,
    url           TEXT NOT NULL,
    remote_person UUID NOT NULL,
    pushed_at     TIMESTAMPTZ,
    pulled_at     TIMESTAMPTZ
);
