-- Direct reports by manager, for the team view (PostgreSQL). Never edit once landed.

CREATE INDEX people_by_manager ON people (manager_id);
