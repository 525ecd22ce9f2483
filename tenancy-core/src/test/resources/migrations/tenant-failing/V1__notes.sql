CREATE TABLE notes (
    id bigserial PRIMARY KEY,
    body text,
    created_at timestamptz NOT NULL DEFAULT now()
);
