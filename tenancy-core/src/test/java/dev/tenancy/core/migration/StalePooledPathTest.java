package dev.tenancy.core.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.core.migration.MigrationReport.SchemaResult;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A tenant connection's close leaves its tenant's path on the pooled connection. The migrator borrows from the same
 * pool; it must set the path itself, never build on the one it finds (Flyway prepends the schema it migrates).
 */
@ExtendWith(TestDatabaseExtension.class)
class StalePooledPathTest {

    private static final int POOL_SIZE = 3;

    private static FleetFixture fixture;

    @BeforeAll
    static void pool(TestDatabase database) {
        fixture = new FleetFixture(database, POOL_SIZE);
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @BeforeEach
    void tenantBWithAReportAndEveryPooledConnectionOnItsPath() throws Exception {
        fixture.reset();
        fixture.migrator("tenant-v2").build().migrateShared().throwIfFailed();
        fixture.tenant("tenant_b");
        fixture.sql("CREATE TABLE tenant_b.invoices (id int); INSERT INTO tenant_b.invoices VALUES (1), (2);"
                + "CREATE VIEW tenant_b.report AS SELECT id FROM tenant_b.invoices");
        leaveEveryPooledConnectionOn(SchemaName.of("tenant_b"));
        assertThat(rawSearchPath()).isEqualTo("\"tenant_b\", \"public\"");
    }

    @Test
    void migratingASchemaNeverTouchesTheTenantWhosePathThePoolLeftBehind() {
        TenantMigrator migrator = fixture.migrator("tenant-stale-path").build();

        assertThatThrownBy(() -> migrator.migrate(SchemaName.of("tenant_x")))
                .isInstanceOf(TenancyException.class)
                .hasMessageContaining("relation \"invoices\" does not exist");

        assertThat(fixture.tableExists("tenant_b.report")).isTrue();
        assertThat(fixture.tableExists("tenant_x.invoice_summary")).isFalse();
    }

    @Test
    void aFleetRunNeverTouchesTheTenantWhosePathThePoolLeftBehind() throws SQLException {
        fixture.tenant("tenant_x");
        leaveEveryPooledConnectionOn(SchemaName.of("tenant_b"));

        MigrationReport report = fixture.migrator("tenant-stale-path").build().migrateTenants();

        assertThat(report.failures()).extracting(SchemaResult::schema).contains("tenant_x");
        assertThat(fixture.tableExists("tenant_b.report")).isTrue();
        assertThat(fixture.tableExists("tenant_x.invoice_summary")).isFalse();
    }

    /** Borrows every pooled connection at once for {@code tenant}, runs a query on each, and returns them. */
    private static void leaveEveryPooledConnectionOn(SchemaName tenant) throws SQLException {
        TenantAwareDataSource tenantAware = TenantAwareDataSource.wrap(fixture.pool());
        Tenants.run(tenant, () -> {
            List<Connection> borrowed = new ArrayList<>();
            try {
                for (int i = 0; i < POOL_SIZE; i++) {
                    Connection connection = tenantAware.getConnection();
                    borrowed.add(connection);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SELECT count(*) FROM invoices");
                    }
                }
            } finally {
                for (Connection connection : borrowed) {
                    connection.close();
                }
            }
        });
    }

    private static String rawSearchPath() throws SQLException {
        try (Connection connection = fixture.pool().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW search_path")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
