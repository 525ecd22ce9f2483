CREATE TABLE customers (
    id bigserial PRIMARY KEY,
    name text NOT NULL,
    plan varchar(20) REFERENCES public.plans (code)
);
CREATE SEQUENCE invoice_numbers START 1000;
CREATE TABLE invoices (
    id bigserial PRIMARY KEY,
    number bigint NOT NULL DEFAULT nextval('invoice_numbers'),
    customer_id bigint NOT NULL REFERENCES customers (id),
    total numeric(10, 2) NOT NULL
);
CREATE INDEX invoices_by_customer ON invoices (customer_id);
ALTER TABLE customers ADD COLUMN last_invoice_id bigint REFERENCES invoices (id);
