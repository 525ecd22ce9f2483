package dev.tenancy.test;

import dev.tenancy.core.migration.MigrationException;
import dev.tenancy.core.migration.SchemaMigrator;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import java.util.List;

import javax.sql.DataSource;

/** Applies Flyway migrations from given locations to one schema, for test databases and test tenants. */
final class FlywayMigrations {

    private FlywayMigrations() {
    }

    /** A migrator applying the tenant migrations at {@code locations} to a tenant schema. */
    static SchemaMigrator tenantMigrator(DataSource pool, List<String> locations) {
        return schema -> migrate(pool, schema.value(), locations);
    }

    /** Applies the migrations at {@code locations} to {@code schema} (created when missing). */
    static void migrate(DataSource pool, String schema, List<String> locations) {
        try {
            Flyway.configure(Thread.currentThread().getContextClassLoader())
                    .dataSource(pool)
                    .schemas(schema)
                    .defaultSchema(schema)
                    .locations(locations.toArray(String[]::new))
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new MigrationException("Migrating test schema '" + schema + "' from " + locations + " failed: "
                    + e.getMessage(), e);
        }
    }
}
