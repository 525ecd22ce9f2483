package dev.tenancy.boot.actuate;

import dev.tenancy.core.directory.TenantTables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/** Reads what the migrator does not know: each tenant's domains, and creations that have been running too long. */
final class FleetReader {

    private final DataSource dataSource;
    private final TenantTables tables;
    private final String provisioningTable;

    FleetReader(DataSource dataSource, TenantTables tables, String provisioningTable) {
        this.dataSource = dataSource;
        this.tables = tables;
        this.provisioningTable = provisioningTable;
    }

    /** Each tenant's domains (primary first), by schema name; {@code schema} null for every tenant. */
    Map<String, List<String>> domains(String schema) throws SQLException {
        String sql = "SELECT t.schema_name, d.domain FROM " + tables.tenantTable() + " t JOIN " + tables.domainTable()
                + " d ON d.tenant_id = t.id" + (schema == null ? "" : " WHERE t.schema_name = ?")
                + " ORDER BY t.schema_name, d.is_primary DESC, d.domain";
        Map<String, List<String>> domains = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            if (schema != null) {
                select.setString(1, schema);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    domains.computeIfAbsent(rows.getString(1), key -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        return domains;
    }

    /**
     * The PROVISIONING tenants whose creation started longer than {@code threshold} ago, or that no creation in
     * progress accounts for (left by a crash, or written by hand), by schema name.
     */
    List<String> staleProvisioning(Duration threshold) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean ledger;
            try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                exists.setString(1, provisioningTable);
                try (ResultSet row = exists.executeQuery()) {
                    row.next();
                    ledger = row.getBoolean(1);
                }
            }
            String sql = "SELECT t.schema_name FROM " + tables.tenantTable() + " t"
                    + (ledger ? " LEFT JOIN " + provisioningTable + " p ON p.schema_name = t.schema_name" : "")
                    + " WHERE t.status = 'PROVISIONING'"
                    + (ledger ? " AND (p.started_at IS NULL OR p.started_at < now() - make_interval(secs => ?))" : "")
                    + " ORDER BY t.schema_name";
            List<String> stale = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (ledger) {
                    select.setDouble(1, threshold.toMillis() / 1000.0);
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        stale.add(rows.getString(1));
                    }
                }
            }
            return stale;
        }
    }
}
