-- The users table, in the public schema AND in every tenant schema (like Django's auth tables, which sit in both
-- SHARED_APPS and TENANT_APPS): this folder is in both tenancy.migrations.shared-locations and tenant-locations, so
-- its versions come before those of db/migration/shared and db/migration/tenant.
CREATE TABLE app_users (
    id bigserial PRIMARY KEY,
    username varchar(150) NOT NULL UNIQUE,
    email varchar(254) NOT NULL,
    password varchar(255) NOT NULL,
    first_name varchar(150) NOT NULL DEFAULT '',
    last_name varchar(150) NOT NULL DEFAULT '',
    is_active boolean NOT NULL DEFAULT true,
    date_joined timestamptz NOT NULL DEFAULT now()
);
