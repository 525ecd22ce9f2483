package dev.tenancy.core.migration;

import dev.tenancy.core.SchemaName;

/**
 * Brings one tenant schema up to date with the tenant migrations. Provisioning uses it to build a new tenant's
 * schema (or the template schema new tenants are cloned from).
 */
@FunctionalInterface
public interface SchemaMigrator {

    /**
     * Creates {@code schema} when it does not exist and applies every pending tenant migration to it.
     *
     * @throws MigrationException when a migration fails; the schema stays at its last good version
     */
    void migrate(SchemaName schema);
}
