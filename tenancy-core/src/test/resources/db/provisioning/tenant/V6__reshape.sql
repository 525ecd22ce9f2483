ALTER TABLE users ADD COLUMN legacy text;
ALTER TABLE users DROP COLUMN legacy;
ALTER TABLE tasks RENAME COLUMN done TO completed;
ALTER INDEX users_lower_email RENAME TO users_email_ci;
CREATE UNLOGGED TABLE cache_entries (key text PRIMARY KEY, value bytea, expires timestamptz);
CREATE TABLE "Audit Trail" ("Event" text NOT NULL, at timestamptz DEFAULT clock_timestamp());
