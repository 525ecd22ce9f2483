package dev.tenancy.boot.autoconfigure;

import dev.tenancy.core.TenancyException;
import dev.tenancy.core.migration.MigrationReport.SchemaResult;
import dev.tenancy.core.migration.MigrationReport;
import dev.tenancy.core.migration.TenantMigrator;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.util.Locale;
import java.util.Objects;

/**
 * The default {@link StartupMigrations}: the application's {@link TenantMigrator} migrates the shared schema
 * ({@link MigrateOnStartup#SHARED}) or the shared schema and then every tenant schema ({@link MigrateOnStartup#ALL}).
 * Any failed schema stops the start with the run's summary, which names each failure; the other schemas are
 * migrated regardless, and a failed one keeps its last good version.
 */
final class MigratorStartupMigrations implements StartupMigrations {

    private static final Log log = LogFactory.getLog(MigratorStartupMigrations.class);

    private final TenantMigrator migrator;

    MigratorStartupMigrations(TenantMigrator migrator) {
        this.migrator = Objects.requireNonNull(migrator, "migrator");
    }

    @Override
    public void migrate(MigrateOnStartup mode) {
        MigrationReport report = mode == MigrateOnStartup.ALL ? migrator.migrateAll() : migrator.migrateShared();
        if (!report.successful()) {
            throw new TenancyException("Start-up migrations (tenancy.migrations.on-startup="
                    + mode.name().toLowerCase(Locale.ROOT) + ") failed, so the application does not start: "
                    + report.summary() + System.lineSeparator() + "Failed schemas keep their last good version. Fix "
                    + "the migration and start again; 'migrate-schemas' migrates without starting the application.");
        }
        if (report.count(SchemaResult.Outcome.MIGRATED) > 0) {
            log.info("Start-up migrations: " + report.summary());
        }
    }
}
