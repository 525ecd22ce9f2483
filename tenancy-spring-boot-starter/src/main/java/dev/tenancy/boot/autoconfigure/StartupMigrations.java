package dev.tenancy.boot.autoconfigure;

import dev.tenancy.core.TenancyException;

/**
 * Brings the database up to date while the application starts. {@link TenancyMigrationInitializer} calls it once,
 * with the configured {@code tenancy.migrations.on-startup} mode, before any entity manager or JDBC template is
 * created. Define a bean of this type to replace Tenancy's default.
 */
@FunctionalInterface
public interface StartupMigrations {

    /**
     * Applies the pending migrations that {@code mode} asks for ({@link MigrateOnStartup#NONE} is never passed).
     *
     * @throws dev.tenancy.core.migration.TenancyException when a migration fails; the application does not start
     */
    void migrate(MigrateOnStartup mode);
}
