package dev.tenancy.core.check;

import dev.tenancy.core.TenancyException;
import dev.tenancy.core.directory.TenantTables;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

/**
 * Checks that a database is one Tenancy can work on, before anything else touches it, so that a misconfigured
 * application stops with a message saying what to fix instead of failing later with an obscure SQL error:
 * <ul>
 * <li>{@link #requirePostgres(DataSource)}: the database is PostgreSQL, version {@value #MINIMUM_MAJOR_VERSION} or
 * newer (an H2 or MySQL DataSource is refused by name);</li>
 * <li>{@link #requireTenantTables(DataSource, TenantTables, String)}: after the shared migrations, the tenant and
 * domain tables exist with every column Tenancy reads.</li>
 * </ul>
 * Both throw a {@link TenancyException} whose message names the problem and the fix; neither changes anything.
 */
public final class DatabaseChecks {

    /** The oldest PostgreSQL major version Tenancy supports. */
    public static final int MINIMUM_MAJOR_VERSION = 13;

    /** The columns Tenancy reads from the tenant table ({@code TenantMixin}). */
    public static final List<String> TENANT_COLUMNS =
            List.of("id", "schema_name", "auto_create_schema", "auto_drop_schema", "status");

    /** The columns Tenancy reads from the domain table ({@code DomainMixin}). */
    public static final List<String> DOMAIN_COLUMNS = List.of("id", "domain", "tenant_id", "is_primary");

    private DatabaseChecks() {
    }

    /**
     * Refuses a DataSource that is not PostgreSQL {@value #MINIMUM_MAJOR_VERSION} or newer, naming the database it
     * found and how to point the application at PostgreSQL.
     *
     * @throws TenancyException when the database is another product or an older PostgreSQL, or cannot be reached
     */
    public static void requirePostgres(DataSource dataSource) {
        String product;
        String version;
        int major;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            product = metaData.getDatabaseProductName();
            version = metaData.getDatabaseProductVersion();
            major = metaData.getDatabaseMajorVersion();
        } catch (SQLException e) {
            throw new TenancyException("Tenancy could not connect to the application's database to check that it is "
                    + "PostgreSQL: " + e.getMessage() + ". Check spring.datasource.url, username and password.", e);
        }
        if (!"PostgreSQL".equalsIgnoreCase(product)) {
            throw new TenancyException("Tenancy needs PostgreSQL " + MINIMUM_MAJOR_VERSION + " or newer; this "
                    + "DataSource is " + product + " " + version + ". Tenant data lives in PostgreSQL schemas, which "
                    + "other databases do not offer. Point spring.datasource.url at a PostgreSQL database "
                    + "(jdbc:postgresql://host:5432/name) and put org.postgresql:postgresql on the class path; in "
                    + "development, tenancy-test-postgres starts an embedded PostgreSQL (see docs/converting.md), and "
                    + "in tests @TenantTest gives the application one. To run without Tenancy, set "
                    + "tenancy.enabled=false.");
        }
        if (major < MINIMUM_MAJOR_VERSION) {
            throw new TenancyException("Tenancy needs PostgreSQL " + MINIMUM_MAJOR_VERSION + " or newer; this "
                    + "DataSource is PostgreSQL " + version + ". Upgrade the server, or point spring.datasource.url "
                    + "at a newer one.");
        }
    }

    /**
     * Refuses a database whose tenant or domain table is missing, or lacks a column Tenancy reads, naming the table,
     * the missing columns and the migration folder that should create them.
     *
     * @param sharedLocations where the shared migrations live, named in the message (e.g.
     *                        {@code classpath:db/migration/shared})
     * @throws TenancyException when a table or column is missing
     */
    public static void requireTenantTables(DataSource dataSource, TenantTables tables, String sharedLocations) {
        List<String> problems = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            problems.addAll(tableProblems(connection, tables.tenantTable(), TENANT_COLUMNS, "TenantMixin"));
            problems.addAll(tableProblems(connection, tables.domainTable(), DOMAIN_COLUMNS, "DomainMixin"));
        } catch (SQLException e) {
            throw new TenancyException("Tenancy could not read the tenant and domain tables' columns: "
                    + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new TenancyException(String.join(" ", problems) + " Create them in a shared migration ("
                    + sharedLocations + "); the root README's \"Using the core directly\" shows the SQL. If your "
                    + "tables have other names, set tenancy.tables.tenant and tenancy.tables.domain.");
        }
    }

    private static List<String> tableProblems(Connection connection, String table, List<String> required,
            String mixin) throws SQLException {
        Set<String> present = new HashSet<>();
        boolean exists;
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                exists = rows.getBoolean(1);
            }
        }
        if (!exists) {
            return List.of("The table " + table + " (your " + mixin + " entity's) does not exist after the shared "
                    + "migrations.");
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT attname FROM pg_attribute "
                + "WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    present.add(rows.getString(1));
                }
            }
        }
        List<String> missing = required.stream().filter(column -> !present.contains(column)).toList();
        return missing.isEmpty() ? List.of() : List.of("The table " + table + " (your " + mixin + " entity's) has no "
                + "column " + String.join(", ", missing) + ", which Tenancy reads.");
    }
}
