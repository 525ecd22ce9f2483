package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.migration.MigrationException;
import dev.tenancy.core.migration.SchemaMigrator;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;

/**
 * A test-only {@link SchemaMigrator}: plain Flyway on one schema with the given locations. The fleet migration
 * orchestrator replaces it in production.
 */
final class FlywaySchemaMigrator implements SchemaMigrator {

    static final String TENANT = "classpath:db/provisioning/tenant";
    static final String LATER = "classpath:db/provisioning/later";
    static final String FAILING = "classpath:db/provisioning/failing";

    private final DataSource dataSource;
    private final String[] locations;

    FlywaySchemaMigrator(DataSource dataSource, String... locations) {
        this.dataSource = dataSource;
        this.locations = locations;
    }

    @Override
    public void migrate(SchemaName schema) {
        try {
            Flyway.configure().dataSource(dataSource).schemas(schema.value()).defaultSchema(schema.value())
                    .createSchemas(true).locations(locations).load().migrate();
        } catch (FlywayException e) {
            throw new MigrationException("Migrating schema " + schema + " failed: " + e.getMessage(), e);
        }
    }
}
