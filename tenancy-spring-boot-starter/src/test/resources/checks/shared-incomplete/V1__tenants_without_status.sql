CREATE TABLE tenants (
    id bigserial PRIMARY KEY,
    schema_name varchar(63) NOT NULL UNIQUE,
    auto_create_schema boolean NOT NULL DEFAULT true,
    auto_drop_schema boolean NOT NULL DEFAULT false
);
