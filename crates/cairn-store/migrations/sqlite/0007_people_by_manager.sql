-- Direct reports by manager, for the team view (SQLite). Never edit once landed.

CREATE INDEX people_by_manager ON people (manager_id);
