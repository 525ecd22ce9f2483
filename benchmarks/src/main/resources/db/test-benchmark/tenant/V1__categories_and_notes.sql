-- Reference data written by a migration: resets must bring it back, ids and all.
CREATE TABLE categories (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name varchar(50) NOT NULL UNIQUE
);

INSERT INTO categories (name) VALUES ('general'), ('urgent');

CREATE TABLE notes (
    id bigserial PRIMARY KEY,
    body text NOT NULL,
    category_id integer REFERENCES categories (id)
);
