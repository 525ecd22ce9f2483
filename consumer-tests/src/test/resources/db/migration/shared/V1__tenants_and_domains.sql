CREATE TABLE tenants (
    id bigserial PRIMARY KEY,
    schema_name varchar(63) NOT NULL UNIQUE,
    auto_create_schema boolean NOT NULL DEFAULT true,
    auto_drop_schema boolean NOT NULL DEFAULT false,
    status varchar(20) NOT NULL DEFAULT 'PROVISIONING',
    name varchar(100) NOT NULL
);
CREATE TABLE domains (
    id bigserial PRIMARY KEY,
    domain varchar(253) NOT NULL UNIQUE,
    tenant_id bigint NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    is_primary boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX domains_one_primary_per_tenant ON domains (tenant_id) WHERE is_primary;
