-- Platform administrators: public users who create and manage tenants.
CREATE TABLE super_super_admins (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL UNIQUE REFERENCES app_users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    permissions jsonb NOT NULL DEFAULT '{}'
);
