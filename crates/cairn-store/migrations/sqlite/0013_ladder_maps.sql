-- How a store reads records made on an earlier ladder after `cairn ladder switch`: one map
-- per pair of ladder versions, kept as the JSON document of cairn_core's LadderMap.
-- Never edit once landed.

CREATE TABLE ladder_maps (
    from_id      TEXT NOT NULL,
    from_version INTEGER NOT NULL,
    to_id        TEXT NOT NULL,
    to_version   INTEGER NOT NULL,
    document     TEXT NOT NULL,
    PRIMARY KEY (from_id, from_version, to_id, to_version)
);
