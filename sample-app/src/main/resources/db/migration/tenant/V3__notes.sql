-- A tenant's notes, written by its users. Titles are unique within the tenant: the database refuses a second note
-- with the same title, which is how an import finds the notes it already has.
CREATE TABLE notes (
    id bigserial PRIMARY KEY,
    title text NOT NULL UNIQUE,
    body text NOT NULL DEFAULT '',
    author text NOT NULL,
    created_on timestamptz NOT NULL DEFAULT now()
);
