CREATE TABLE items (
    id bigint PRIMARY KEY,
    name varchar(100) NOT NULL,
    price numeric(10, 2) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO items (id, name, price) SELECT i, 'Item ' || i, i * 1.25 FROM generate_series(1, 100) i;
