-- A tenant's administrators: users of this tenant who manage its users and settings.
CREATE TABLE tenant_super_admins (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL UNIQUE REFERENCES app_users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    permissions jsonb NOT NULL DEFAULT '{}',
    can_create_users boolean NOT NULL DEFAULT true,
    can_modify_settings boolean NOT NULL DEFAULT true
);
