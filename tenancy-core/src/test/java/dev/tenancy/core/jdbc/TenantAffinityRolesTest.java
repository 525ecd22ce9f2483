package dev.tenancy.core.jdbc;

import static dev.tenancy.core.TenantFixture.string;
import static dev.tenancy.core.TenantFixture.strings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.core.AppLogin;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.roles.TenantRoles;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tenant affinity with tenant roles: a parked connection holds its tenant's path and role, reused for that tenant
 * alone with no round trip; another tenant taking it runs as its own role, and SQL text that may change the role gives
 * the connection back to the pool, so the tenant's next checkout sets path and role again. A non-superuser login
 * and a pool of one connection.
 */
@ExtendWith(TestDatabaseExtension.class)
class TenantAffinityRolesTest {

    private static AppLogin app;
    private static HikariDataSource onePool;
    private static TenantRoles roles;
    private static SchemaName acme;
    private static SchemaName globex;
    private TenantAwareDataSource dataSource;

    @BeforeAll
    static void twoTenantsWithTheirRoles(TestDatabase database) throws SQLException {
        app = new AppLogin(database, 1);
        onePool = app.pool();
        onePool.setConnectionTimeout(5_000);
        roles = app.roles();
        try (Connection connection = onePool.getConnection()) {
            roles.install(connection, "public", List.of());
            acme = app.tenantWithRole(connection, "acme");
            globex = app.tenantWithRole(connection, "globex");
        }
    }

    @AfterAll
    static void dropRoles() {
        app.close();
    }

    @BeforeEach
    void affineDataSourceWithRoles() {
        dataSource = TenantAwareDataSource.builder(onePool).tenantRoles(roles)
                .schemaCheckInterval(Duration.ofMinutes(10))
                .tenantAffinity(Duration.ofMinutes(10), Duration.ofMinutes(10)).build();
    }

    @AfterEach
    void nothingLeftParked() throws SQLException {
        TenantAffinityTest.releaseParked(dataSource);
    }

    /** Reads as the tenant on a connection of its own: its role and notes; returns the set_config calls taken. */
    private long readAs(SchemaName tenant) throws Exception {
        long before = dataSource.searchPathChanges();
        Tenants.run(tenant, () -> {
            try (Connection connection = dataSource.getConnection()) {
                assertThat(string(connection, "SELECT current_user")).isEqualTo(roles.roleName(tenant));
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly(tenant.value() + " note");
            }
        });
        return dataSource.searchPathChanges() - before;
    }

    @Test
    void aParkedConnectionKeepsItsTenantsRoleForThatTenantAloneAndAnotherTenantRunsAsItsOwn() throws Exception {
        assertThat(readAs(acme)).isEqualTo(1);
        assertThat(readAs(acme)).as("path and role parked with acme").isZero();
        assertThat(readAs(globex)).as("acme's parked connection, set to globex's path and role").isEqualTo(1);
        assertThat(readAs(globex)).isZero();
        assertThat(readAs(acme)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RESET ROLE", "SET ROLE NONE", "RESET ALL"})
    void sqlTextThatMayChangeTheRoleGivesTheConnectionBackToThePool(String sql) throws Exception {
        readAs(acme);
        Tenants.run(acme, () -> {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        });
        assertThat(readAs(acme)).as("the role is uncertain: path and role set again").isEqualTo(1);
    }
}
