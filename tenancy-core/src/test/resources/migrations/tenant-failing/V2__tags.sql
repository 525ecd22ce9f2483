CREATE TABLE tags (
    id bigserial PRIMARY KEY,
    note_id bigint NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
    name varchar(50) NOT NULL
);
