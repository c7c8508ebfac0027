-- Shared evidence by owner and date, for what a manager chain reads (the team view,
-- readiness of a report) without visiting private entries (SQLite). Never edit once landed.

CREATE INDEX evidence_shared_by_owner_date ON evidence (owner_id, date DESC, id DESC)
    WHERE visibility = 'shared';
