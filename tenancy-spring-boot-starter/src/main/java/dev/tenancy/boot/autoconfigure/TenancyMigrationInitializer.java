package dev.tenancy.boot.autoconfigure;

import dev.tenancy.core.Tenants;

import org.springframework.beans.factory.InitializingBean;

import java.util.Objects;

/**
 * Runs the {@link StartupMigrations} when it is initialised. Spring Boot's database-initialisation ordering makes
 * entity managers, JDBC templates and other data-access beans depend on it (as they would on Boot's own Flyway
 * initialiser), so they only ever see a migrated shared schema.
 */
public final class TenancyMigrationInitializer implements InitializingBean {

    private final StartupMigrations migrations;
    private final MigrateOnStartup mode;

    /** An initialiser that runs {@code migrations} in {@code mode}. */
    public TenancyMigrationInitializer(StartupMigrations migrations, MigrateOnStartup mode) {
        this.migrations = Objects.requireNonNull(migrations, "migrations");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    @Override
    public void afterPropertiesSet() {
        if (mode != MigrateOnStartup.NONE) {
            Tenants.runInPublic(() -> migrations.migrate(mode));
        }
    }
}
