CREATE TABLE plans (
    id bigserial PRIMARY KEY,
    name varchar(50) NOT NULL UNIQUE
);

INSERT INTO plans (name) VALUES ('basic'), ('professional');
