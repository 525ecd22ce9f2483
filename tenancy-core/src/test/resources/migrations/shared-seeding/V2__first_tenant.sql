INSERT INTO tenants (schema_name, status, name) VALUES ('tenant_seeded', 'ACTIVE', 'Seeded');
CREATE SCHEMA tenant_seeded;
