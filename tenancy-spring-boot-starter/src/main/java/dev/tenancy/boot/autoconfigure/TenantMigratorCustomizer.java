package dev.tenancy.boot.autoconfigure;

import dev.tenancy.core.migration.TenantMigrator;

/**
 * Adjusts every {@link TenantMigrator} the starter builds: the one that migrates at start-up and builds new tenants'
 * schemas, and those of the {@code migrate-schemas} command. Declare beans of this type for Flyway settings
 * ({@code builder.configure(flyway -> flyway.placeholders(...))}), migration listeners or a custom order; they run
 * in their {@code @Order}, after the {@code tenancy.migrations.*} settings are applied.
 *
 * <p>Customizers are created before the database is migrated, so they must not depend on beans that use it (entity
 * managers, repositories).
 */
@FunctionalInterface
public interface TenantMigratorCustomizer {

    /** Adjusts {@code builder}. */
    void customize(TenantMigrator.Builder builder);
}
