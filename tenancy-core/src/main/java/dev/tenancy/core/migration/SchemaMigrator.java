package dev.tenancy.core.migration;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;

import java.sql.Connection;

/**
 * Brings one tenant schema up to date with the tenant migrations. Provisioning uses it to build a new tenant's
 * schema (or the template schema new tenants are cloned from).
 */
@FunctionalInterface
public interface SchemaMigrator {

    /**
     * Creates {@code schema} when it does not exist and applies every pending tenant migration to it.
     *
     * @throws TenancyException when a migration fails; the schema stays at its last good version
     */
    void migrate(SchemaName schema);

    /**
     * Called inside {@code transaction}, right after {@code target} was created in it as a copy of {@code source}
     * with its migration history, so that the migrator can trust the copy as far as it trusts the source (the
     * {@link TenantMigrator} copies the source's ledger row, sparing the first fleet run a Flyway check of every new
     * tenant). Must not fail the transaction; by default it does nothing, and the next fleet run checks the copy.
     */
    default void copied(Connection transaction, SchemaName source, SchemaName target) {
    }

    /**
     * Called inside {@code transaction}, right after {@code schema} was dropped in it (a deleted tenant, or what a
     * failed or interrupted creation had built), so that the migrator forgets what it recorded about the schema (the
     * {@link TenantMigrator} deletes its ledger row) and no row outlives it. Must not fail the transaction; by
     * default it does nothing.
     */
    default void dropped(Connection transaction, SchemaName schema) {
    }
}
