-- Sync between an engineer's own store and team servers (SQLite): deletions kept as
-- tombstones so they travel, where records came from (which remote, written by whom), and
-- where each remote's sync stands. Never edit once landed.

CREATE TABLE tombstones (
    kind       TEXT NOT NULL,
    id         TEXT NOT NULL,
    owner_id   TEXT NOT NULL,
    deleted_at TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE INDEX tombstones_by_owner ON tombstones (owner_id, deleted_at);

CREATE TABLE origins (
    kind   TEXT NOT NULL,
    id     TEXT NOT NULL,
    remote TEXT NOT NULL,
    author TEXT,
    PRIMARY KEY (kind, id)
);

CREATE TABLE sync_state (
    remote        TEXT PRIMARY KEY,
    url           TEXT NOT NULL,
    remote_person TEXT NOT NULL,
    pushed_at     TEXT,
    pulled_at     TEXT
);
