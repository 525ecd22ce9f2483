package dev.tenancy.boot.autoconfigure;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.migration.MigrationException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * The default {@link StartupMigrations}: Flyway over the shared schema with the shared locations, then (in
 * {@link MigrateOnStartup#ALL} mode) over each tenant schema that is not still provisioning, one after the other,
 * with the tenant locations. Flyway gets the raw pool, not the tenant-aware DataSource, because it sets each
 * connection's search path itself.
 */
final class FlywayStartupMigrations implements StartupMigrations {

    private static final Log log = LogFactory.getLog(FlywayStartupMigrations.class);

    private final DataSource pool;
    private final ClassLoader classLoader;
    private final String sharedSchema;
    private final TenancyProperties.Migrations locations;
    private final String tenantSchemasSql;

    FlywayStartupMigrations(DataSource pool, ClassLoader classLoader, TenancyProperties properties,
            TenantTables tables) {
        this.pool = pool;
        this.classLoader = classLoader;
        this.sharedSchema = properties.getSchemas().getShared();
        this.locations = properties.getMigrations();
        this.tenantSchemasSql = "SELECT schema_name FROM " + tables.tenantTable()
                + " WHERE status <> 'PROVISIONING' ORDER BY schema_name";
    }

    @Override
    public void migrate(MigrateOnStartup mode) {
        migrate(sharedSchema, locations.getSharedLocations());
        if (mode == MigrateOnStartup.ALL) {
            for (SchemaName tenant : tenantSchemas()) {
                migrate(tenant.value(), locations.getTenantLocations());
            }
        }
    }

    private void migrate(String schema, List<String> schemaLocations) {
        try {
            MigrateResult result = Flyway.configure(classLoader)
                    .dataSource(pool)
                    .schemas(schema)
                    .defaultSchema(schema)
                    .locations(schemaLocations.toArray(String[]::new))
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                log.info("Migrated schema " + schema + " to version " + result.targetSchemaVersion + " ("
                        + result.migrationsExecuted + " migrations applied)");
            }
        } catch (FlywayException e) {
            throw new MigrationException("Migrating schema '" + schema + "' from " + schemaLocations + " failed: "
                    + e.getMessage() + " Fix the migration and start again; the schema stays at its last good "
                    + "version.", e);
        }
    }

    private List<SchemaName> tenantSchemas() {
        List<SchemaName> schemas = new ArrayList<>();
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement(tenantSchemasSql);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                schemas.add(SchemaName.of(rows.getString(1)));
            }
        } catch (SQLException e) {
            throw new MigrationException("Could not read the tenant schemas to migrate: " + e.getMessage(), e);
        }
        return schemas;
    }
}
