package dev.tenancy.boot.cli;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.model.TenantMixin.TenantStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

/** Reads the tenant table with each tenant's domains, for the commands that list, check or loop over tenants. */
final class TenantRows {

    /**
     * A tenant row.
     *
     * @param id the row's id
     * @param schema the schema name as stored
     * @param status the lifecycle status
     * @param autoDropSchema whether deleting the tenant drops its schema
     * @param domains its domains, primary first
     */
    record TenantRow(long id, String schema, TenantStatus status, boolean autoDropSchema, List<String> domains) {
    }

    private final DataSource dataSource;
    private final String sql;

    TenantRows(DataSource dataSource, TenantTables tables) {
        this.dataSource = dataSource;
        this.sql = "SELECT t.id, t.schema_name, t.status, t.auto_drop_schema, d.domain FROM " + tables.tenantTable()
                + " t LEFT JOIN " + tables.domainTable() + " d ON d.tenant_id = t.id WHERE ?::text IS NULL OR "
                + "t.schema_name = ? ORDER BY t.schema_name, d.is_primary DESC, d.id";
    }

    /** Every tenant, by schema name. */
    List<TenantRow> all() throws SQLException {
        return select(null);
    }

    /** The tenant whose schema is {@code schema}, if any. */
    Optional<TenantRow> find(SchemaName schema) throws SQLException {
        return select(schema.value()).stream().findFirst();
    }

    private List<TenantRow> select(String schema) throws SQLException {
        Map<Long, TenantRow> rows = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, schema);
            select.setString(2, schema);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    long id = result.getLong(1);
                    TenantRow row = rows.get(id);
                    if (row == null) {
                        row = new TenantRow(id, result.getString(2), TenantStatus.valueOf(result.getString(3)),
                                result.getBoolean(4), new ArrayList<>());
                        rows.put(id, row);
                    }
                    String domain = result.getString(5);
                    if (domain != null) {
                        row.domains().add(domain);
                    }
                }
            }
        }
        return new ArrayList<>(rows.values());
    }
}
