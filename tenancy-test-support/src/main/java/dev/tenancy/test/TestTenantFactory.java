package dev.tenancy.test;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.directory.DomainStore;
import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.migration.SchemaMigrator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Creates and removes test tenants: the tenant row (PROVISIONING, then ACTIVE), its primary domain and its migrated
 * schema, which carries a {@linkplain #MARKER comment} saying the extension made it. Removal drops only a schema that
 * carries the marker and deletes only the rows of the tenant that owns it, so nothing the extension did not create is
 * ever removed. A creation that fails removes what it wrote.
 */
final class TestTenantFactory {

    /** The comment on every schema the extension creates; leftovers of a killed test run are recognised by it. */
    static final String MARKER = "Test tenant of tenancy-test-support; removed when its tests end.";

    private final DataSource pool;
    private final TenantTables tables;
    private final SchemaMigrator migrator;
    private final DomainStore domains;

    /**
     * @param pool the raw pool (not tenant-aware): the factory sets schemas itself
     * @param migrator creates a schema when missing and applies the tenant migrations
     */
    TestTenantFactory(DataSource pool, TenantTables tables, SchemaMigrator migrator) {
        this.pool = pool;
        this.tables = tables;
        this.migrator = migrator;
        this.domains = new DomainStore(tables);
    }

    /**
     * Creates the tenant {@code spec} describes. A leftover of an earlier run (a tenant row or schema of the same name
     * that carries the marker) is removed first; anything else of that name is an error.
     */
    TestTenant create(TenantSpec spec) {
        SchemaName schema = spec.schema();
        removeLeftover(schema);
        execute("CREATE SCHEMA " + schema.quoted() + "; COMMENT ON SCHEMA " + schema.quoted() + " IS '"
                + MARKER.replace("'", "''") + "'");
        long id = -1;
        try {
            id = insertRow(spec);
            migrator.migrate(schema);
            execute("UPDATE " + tables.tenantTable() + " SET status = 'ACTIVE' WHERE id = " + id);
            return new TestTenant(schema, spec.domain(), id);
        } catch (RuntimeException e) {
            try {
                remove(schema, id);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Removes a tenant this factory created: its schema, domains and row. */
    void remove(TestTenant tenant) {
        remove(tenant.schema(), tenant.id());
    }

    private void remove(SchemaName schema, long id) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            if (schemaComment(connection, schema).filter(MARKER::equals).isPresent()) {
                try (Statement drop = connection.createStatement()) {
                    drop.execute("DROP SCHEMA " + schema.quoted() + " CASCADE");
                }
            }
            try (PreparedStatement domainRows = connection.prepareStatement("DELETE FROM " + tables.domainTable()
                    + " WHERE tenant_id = ?");
                 PreparedStatement tenantRow = connection.prepareStatement("DELETE FROM " + tables.tenantTable()
                    + " WHERE id = ? AND schema_name = ?")) {
                domainRows.setLong(1, id);
                domainRows.executeUpdate();
                tenantRow.setLong(1, id);
                tenantRow.setString(2, schema.value());
                tenantRow.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new TenancyException("Could not remove test tenant " + schema + ": " + e.getMessage(), e);
        }
    }

    private void removeLeftover(SchemaName schema) {
        try (Connection connection = pool.getConnection()) {
            Optional<String> comment = schemaComment(connection, schema);
            Optional<Long> row = rowId(connection, schema);
            if (comment.isEmpty() && row.isEmpty()) {
                return;
            }
            if (comment.filter(MARKER::equals).isPresent()) {
                remove(schema, row.orElse(-1L));
                return;
            }
            throw new TenancyException("Cannot create test tenant " + schema + ": "
                    + (comment.isPresent() ? "a schema" : "a tenant row") + " of that name already exists and was "
                    + "not created by @TenantTest. Choose another schema in @TenantTest, or run the tests on a "
                    + "database of their own.");
        } catch (SQLException e) {
            throw new TenancyException("Could not check for test tenant " + schema + ": " + e.getMessage(), e);
        }
    }

    private long insertRow(TenantSpec spec) {
        StringBuilder columns = new StringBuilder("schema_name, status, auto_create_schema, auto_drop_schema");
        StringBuilder parameters = new StringBuilder("?, 'PROVISIONING', true, true");
        for (String column : spec.values().keySet()) {
            columns.append(", \"").append(column).append('"');
            parameters.append(", ?");
        }
        String sql = "INSERT INTO " + tables.tenantTable() + " (" + columns + ") VALUES (" + parameters + ")";
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            long id;
            try (PreparedStatement insert = connection.prepareStatement(sql, new String[] {"id"})) {
                insert.setString(1, spec.schema().value());
                int index = 2;
                for (Map.Entry<String, String> value : spec.values().entrySet()) {
                    insert.setObject(index++, value.getValue(), Types.OTHER);
                }
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            domains.add(connection, id, spec.domain(), true);
            connection.commit();
            return id;
        } catch (SQLException e) {
            throw new TenancyException("Could not insert the tenant row of test tenant " + spec.schema() + " into "
                    + tables.tenantTable() + ": " + e.getMessage() + ". If the application's tenant table has "
                    + "required columns of its own, give them values with @TenantTest(values = \"column=value\").", e);
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

    private void execute(String sql) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new TenancyException("Could not set up a test tenant: " + e.getMessage(), e);
        }
    }
}
