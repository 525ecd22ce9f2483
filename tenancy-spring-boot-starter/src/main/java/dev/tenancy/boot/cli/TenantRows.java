package dev.tenancy.boot.cli;

import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.model.TenantStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/** Reads the tenant table with each tenant's domains, for the commands that list or loop over tenants. */
final class TenantRows {

    /**
     * A tenant row.
     *
     * @param id the row's id
     * @param schema the schema name as stored
     * @param status the lifecycle status
     * @param domains its domains, primary first
     */
    record TenantRow(long id, String schema, TenantStatus status, List<String> domains) {
    }

    private final DataSource dataSource;
    private final String sql;

    TenantRows(DataSource dataSource, TenantTables tables) {
        this.dataSource = dataSource;
        this.sql = "SELECT t.id, t.schema_name, t.status, d.domain FROM " + tables.tenantTable() + " t LEFT JOIN "
                + tables.domainTable() + " d ON d.tenant_id = t.id ORDER BY t.schema_name, d.is_primary DESC, d.id";
    }

    /** Every tenant, by schema name. */
    List<TenantRow> all() throws SQLException {
        Map<Long, TenantRow> rows = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                long id = result.getLong(1);
                TenantRow row = rows.get(id);
                if (row == null) {
                    row = new TenantRow(id, result.getString(2), TenantStatus.valueOf(result.getString(3)),
                            new ArrayList<>());
                    rows.put(id, row);
                }
                String domain = result.getString(4);
                if (domain != null) {
                    row.domains().add(domain);
                }
            }
        }
        return new ArrayList<>(rows.values());
    }
}
