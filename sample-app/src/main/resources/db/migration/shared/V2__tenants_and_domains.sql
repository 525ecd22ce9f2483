-- The tenant and domain tables (TenantMixin / DomainMixin columns first, then the requirements' fields).
CREATE TABLE tenants (
    id bigserial PRIMARY KEY,
    schema_name varchar(63) NOT NULL UNIQUE,
    auto_create_schema boolean NOT NULL DEFAULT true,
    auto_drop_schema boolean NOT NULL DEFAULT false,
    status varchar(20) NOT NULL DEFAULT 'PROVISIONING'
        CHECK (status IN ('PROVISIONING', 'ACTIVE', 'INACTIVE')),
    name varchar(100) NOT NULL,
    created_on timestamptz NOT NULL DEFAULT now(),
    updated_on timestamptz NOT NULL DEFAULT now(),
    max_users integer NOT NULL DEFAULT 50 CHECK (max_users > 0),
    -- Derived from the lifecycle status, so the two can never disagree: deactivating a tenant sets INACTIVE.
    is_active boolean GENERATED ALWAYS AS (status <> 'INACTIVE') STORED,
    subscription_plan varchar(50) NOT NULL DEFAULT 'basic'
        CHECK (subscription_plan IN ('basic', 'professional', 'enterprise')),
    contact_email varchar(254),
    contact_phone varchar(20)
);

CREATE TABLE domains (
    id bigserial PRIMARY KEY,
    domain varchar(253) NOT NULL UNIQUE,
    tenant_id bigint NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    is_primary boolean NOT NULL DEFAULT false
);

CREATE UNIQUE INDEX domains_one_primary_per_tenant ON domains (tenant_id) WHERE is_primary;
CREATE INDEX domains_tenant_id ON domains (tenant_id);
