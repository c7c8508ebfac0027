-- What a company directory (SCIM) last said of an account, as it wrote it, and when it
-- removed the account (PostgreSQL). Never edit once landed.

ALTER TABLE accounts ADD COLUMN directory TEXT;
ALTER TABLE accounts ADD COLUMN removed_at TIMESTAMPTZ;
