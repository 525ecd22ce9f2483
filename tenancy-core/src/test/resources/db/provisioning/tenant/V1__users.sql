CREATE TABLE users (
    id bigserial PRIMARY KEY,
    email varchar(200) NOT NULL,
    display_name text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_email_unique UNIQUE (email)
);
CREATE INDEX users_lower_email ON users (lower(email));
COMMENT ON TABLE users IS 'People who can sign in';
COMMENT ON COLUMN users.email IS 'Sign-in name';
