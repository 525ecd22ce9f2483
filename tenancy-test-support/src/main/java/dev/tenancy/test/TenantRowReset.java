package dev.tenancy.test;

import dev.tenancy.core.directory.TenantTables;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Puts a test tenant's own rows outside its schema back as they were when it was created: its row in the tenant
 * table and its rows in the domain table. Tests that deactivate the tenant, change its plan or limits, or add and
 * remove its domains (through the application or directly) would otherwise leave those changes to the next test. The
 * rows are recorded in PostgreSQL's text form of the table's row type and written back with their ids; generated
 * columns are left to the database. Nothing else outside the tenant's schema is touched.
 */
final class TenantRowReset {

    private static final String COLUMNS = """
            SELECT quote_ident(attname) FROM pg_attribute
            WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
            ORDER BY attnum""";

    private final long id;
    private final String tenantRow;
    private final String[] domainRows;
    private final String fingerprintTenant;
    private final String fingerprintDomains;
    private final String updateTenant;
    private final String deleteDomains;
    private final String insertDomains;

    private TenantRowReset(TenantTables tables, long id, String tenantRow, String[] domainRows,
            List<String> tenantColumns, List<String> domainColumns) {
        this.id = id;
        this.tenantRow = tenantRow;
        this.domainRows = domainRows;
        this.fingerprintTenant = "(SELECT md5(t::text) FROM " + tables.tenantTable() + " t WHERE t.id = " + id + ")";
        this.fingerprintDomains = "(SELECT md5(coalesce(string_agg(d::text, ',' ORDER BY d.id), '')) FROM "
                + tables.domainTable() + " d WHERE d.tenant_id = " + id + ")";
        List<String> updated = tenantColumns.stream().filter(column -> !column.equals("id")).toList();
        this.updateTenant = "UPDATE " + tables.tenantTable() + " SET (" + String.join(", ", updated) + ") = (SELECT "
                + fields(updated) + " FROM (SELECT CAST(? AS text)::" + tables.tenantTable() + " AS r) s) WHERE id = ?";
        this.deleteDomains = "DELETE FROM " + tables.domainTable() + " WHERE tenant_id = ?";
        this.insertDomains = "INSERT INTO " + tables.domainTable() + " (" + String.join(", ", domainColumns)
                + ") OVERRIDING SYSTEM VALUE SELECT " + fields(domainColumns) + " FROM (SELECT text_row::"
                + tables.domainTable() + " AS r FROM unnest(CAST(? AS text[])) AS u(text_row)) s";
    }

    /** Records the rows of tenant {@code id} as they are now (just created). */
    static TenantRowReset capture(Connection connection, TenantTables tables, long id) throws SQLException {
        String tenantRow;
        try (PreparedStatement select = connection.prepareStatement("SELECT t::text FROM " + tables.tenantTable()
                + " t WHERE t.id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("Tenant row " + id + " is missing from " + tables.tenantTable() + ".");
                }
                tenantRow = rows.getString(1);
            }
        }
        List<String> domainRows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT d::text FROM " + tables.domainTable()
                + " d WHERE d.tenant_id = ? ORDER BY d.id")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    domainRows.add(rows.getString(1));
                }
            }
        }
        return new TenantRowReset(tables, id, tenantRow, domainRows.toArray(String[]::new),
                columns(connection, tables.tenantTable()), columns(connection, tables.domainTable()));
    }

    /** Two SQL expressions whose values change whenever the rows do: for the tenant row and for its domains. */
    List<String> fingerprintParts() {
        return List.of(fingerprintTenant, fingerprintDomains);
    }

    /** Writes the recorded rows back, in the caller's transaction. */
    void restore(Connection transaction) throws SQLException {
        try (PreparedStatement update = transaction.prepareStatement(updateTenant)) {
            update.setString(1, tenantRow);
            update.setLong(2, id);
            update.executeUpdate();
        }
        try (PreparedStatement delete = transaction.prepareStatement(deleteDomains)) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
        if (domainRows.length == 0) {
            return;
        }
        Array rows = transaction.createArrayOf("text", domainRows);
        try (PreparedStatement insert = transaction.prepareStatement(insertDomains)) {
            insert.setArray(1, rows);
            insert.executeUpdate();
        } finally {
            rows.free();
        }
    }

    private static String fields(List<String> columns) {
        return columns.stream().map(column -> "(s.r)." + column).collect(Collectors.joining(", "));
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(COLUMNS)) {
            select.setString(1, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }
}
