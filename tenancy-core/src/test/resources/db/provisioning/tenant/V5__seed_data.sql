CREATE TABLE roles (code varchar(20) PRIMARY KEY, label text NOT NULL);
INSERT INTO roles VALUES ('admin', 'Administrator'), ('member', 'Member');
CREATE TABLE settings (id serial PRIMARY KEY, key text NOT NULL UNIQUE, value text);
INSERT INTO settings (key, value) VALUES ('theme', 'light'), ('locale', 'en');
ALTER TABLE users ADD COLUMN role varchar(20) NOT NULL DEFAULT 'member' REFERENCES roles (code);
