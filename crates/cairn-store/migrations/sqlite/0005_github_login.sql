-- A person's GitHub login, which tells their pull requests from their reviews (SQLite).
-- Never edit once landed.

ALTER TABLE people ADD COLUMN github TEXT;
