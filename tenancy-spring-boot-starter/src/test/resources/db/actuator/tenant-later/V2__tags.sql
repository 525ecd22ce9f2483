CREATE TABLE tags (id bigserial PRIMARY KEY, label text NOT NULL);
