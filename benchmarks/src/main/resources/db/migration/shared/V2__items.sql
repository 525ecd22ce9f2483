-- The untenanted application's copy of the tenant table (tenancy.enabled=false reads public.items).
CREATE TABLE public.items (
    id bigint PRIMARY KEY,
    name varchar(100) NOT NULL,
    price numeric(10, 2) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO public.items (id, name, price) SELECT i, 'Item ' || i, i * 1.25 FROM generate_series(1, 100) i;
