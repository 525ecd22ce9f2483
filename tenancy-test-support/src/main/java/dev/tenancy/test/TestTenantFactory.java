package dev.tenancy.test;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.provisioning.TenantInfo;
import dev.tenancy.core.provisioning.TenantProvisioner;
import dev.tenancy.core.provisioning.TenantRequest;
import dev.tenancy.core.seed.TenantSeeding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Creates and removes test tenants through Tenancy's {@link TenantProvisioner}: all or nothing, the schema cloned
 * from the migrated template (or migrated), the tenant row ACTIVE with its primary domain. While the tenant is being
 * created, its schema gets a {@linkplain #MARKER comment} saying the extension made it; leftovers of a killed test
 * run are recognised by it, and a schema without it is never removed or taken over. Removal goes through the
 * provisioner too, which drops only a schema its tenant row owns and nothing that depends on it from outside.
 */
final class TestTenantFactory {

    /** The comment on every schema the extension creates. */
    static final String MARKER = "Test tenant of tenancy-test-support; removed when its tests end.";

    private final DataSource pool;
    private final TenantTables tables;
    private final TenantProvisioner provisioner;

    /**
     * @param pool the raw pool (not tenant-aware)
     * @param tables where the tenant and domain rows are (those the provisioner writes)
     */
    TestTenantFactory(DataSource pool, TenantTables tables, TenantProvisioner provisioner) {
        this.pool = pool;
        this.tables = tables;
        this.provisioner = provisioner;
    }

    /** Where the tenant and domain rows of the tenants this factory creates are. */
    TenantTables tables() {
        return tables;
    }

    /**
     * Creates the tenant {@code spec} describes. A leftover of an earlier run (a tenant of the same schema whose
     * schema carries the marker) is removed first; any other tenant or schema of that name is an error.
     */
    TestTenant create(TenantSpec spec) {
        SchemaName schema = spec.schema();
        removeLeftover(schema);
        TenantRequest request = TenantRequest.schema(schema.value())
                .domain(spec.domain())
                .values(spec.values())
                .autoDropSchema(true)
                .setUp(tenant -> mark(tenant.schema()))
                .setUp(tenant -> TenantSeeding.builder(pool).scripts(SeedResources.load(spec.seed())).build()
                        .seed(tenant.schema()))
                .actor(TenantTest.ACTOR);
        try {
            TenantInfo created = provisioner.create(request);
            return new TestTenant(created.schema(), created.primaryDomain(), created.id());
        } catch (InvalidInputException e) {
            throw new TenancyException("Could not create test tenant " + schema + ": " + e.getMessage() + " Give the "
                    + "application's own tenant columns values with @TenantTest(values = \"column=value\").", e);
        } catch (TenancyException e) {
            throw new TenancyException("Could not create test tenant " + schema + ": " + e.getMessage(), e);
        }
    }

    /** Removes a tenant this factory created: its schema, domains and row. */
    void remove(TestTenant tenant) {
        SchemaName schema = tenant.schema();
        try (Connection connection = pool.getConnection()) {
            Optional<String> comment = schemaComment(connection, schema);
            if (comment.isPresent() && !MARKER.equals(comment.get())) {
                throw new TenancyException("Test tenant " + schema + " was not removed: its schema no longer carries "
                        + "the comment @TenantTest gave it, so something else may own it now.");
            }
            if (rowId(connection, schema).filter(id -> id == tenant.id()).isEmpty()) {
                return;
            }
        } catch (SQLException e) {
            throw new TenancyException("Could not check test tenant " + schema + " before removing it: "
                    + e.getMessage(), e);
        }
        provisioner.deleteAndDropSchema(schema, TenantTest.ACTOR);
    }

    private void removeLeftover(SchemaName schema) {
        Optional<String> comment;
        Optional<Long> row;
        try (Connection connection = pool.getConnection()) {
            comment = schemaComment(connection, schema);
            row = rowId(connection, schema);
        } catch (SQLException e) {
            throw new TenancyException("Could not check for test tenant " + schema + ": " + e.getMessage(), e);
        }
        if (comment.isEmpty() && row.isEmpty()) {
            return;
        }
        if (comment.filter(MARKER::equals).isPresent() && row.isPresent()) {
            try {
                provisioner.deleteAndDropSchema(schema, TenantTest.ACTOR);
            } catch (TenancyException e) {
                throw new TenancyException("Test tenant " + schema + " is left over from an earlier test run and "
                        + "could not be removed: " + e.getMessage() + " If that run was killed while creating it, "
                        + "TenantProvisioner.recoverInterrupted() removes it.", e);
            }
            return;
        }
        throw new TenancyException("Cannot create test tenant " + schema + ": "
                + (comment.isPresent() ? "a schema" : "a tenant row") + " of that name already exists and was not "
                + "created by @TenantTest. Choose another schema in @TenantTest, or run the tests on a database of "
                + "their own.");
    }

    private void mark(SchemaName schema) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("COMMENT ON SCHEMA " + schema.quoted() + " IS '" + MARKER.replace("'", "''") + "'");
        }
    }

    private static Optional<String> schemaComment(Connection connection, SchemaName schema) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT coalesce(obj_description(oid, "
                + "'pg_namespace'), '') FROM pg_namespace WHERE nspname = ?")) {
            select.setString(1, schema.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private Optional<Long> rowId(Connection connection, SchemaName schema) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM " + tables.tenantTable()
                + " WHERE schema_name = ?")) {
            select.setString(1, schema.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }
}
