package dev.tenancy.core.jdbc;

import static dev.tenancy.core.TenantFixture.string;
import static dev.tenancy.core.TenantFixture.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.AppLogin;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantFixture;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.roles.TenantRoles;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;
import dev.tenancy.test.postgres.TestPgBouncer;
import dev.tenancy.test.postgres.TestPostgres;

import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Both defences at once: tenant roles and the transaction-pooling mode, behind PgBouncer in transaction mode with a
 * single server connection. The role is set transaction-locally with the path, so a tenant naming another tenant's
 * table is still refused by PostgreSQL, and the shared server session is left on the login role, where the next
 * client of the pooler (whoever it serves) finds neither the tenant's path nor its role.
 */
@ExtendWith(TestDatabaseExtension.class)
class TenantRolesBehindPgBouncerTest {

    private static TenantFixture fixture;
    private static AppLogin app;
    private static TenantRoles roles;
    private static TestDatabase database;
    private static TestPgBouncer bouncer;
    private static SchemaName acme;

    @BeforeAll
    static void twoTenantsWithTheirRolesBehindAPooler(TestDatabase testDatabase) throws SQLException {
        database = testDatabase;
        fixture = new TenantFixture(testDatabase, 1);
        app = new AppLogin(testDatabase, 1);
        roles = app.roles();
        try (Connection connection = app.pool().getConnection()) {
            roles.install(connection, "public", List.of());
            acme = app.tenantWithRole(connection, "acme");
            app.tenantWithRole(connection, "globex");
        }
        bouncer = TestPgBouncer.start(TestPostgres.server(), 1);
    }

    @AfterAll
    static void stop() {
        if (bouncer != null) {
            bouncer.close();
        }
        app.close();
        fixture.close();
    }

    @Test
    void aTenantNamingAnotherTenantsTableIsRefusedBehindATransactionPooler() throws Exception {
        TenantAwareDataSource dataSource = TenantAwareDataSource.builder(throughPooler()).tenantRoles(roles)
                .transactionPooling(true).build();
        Tenants.run(acme, () -> {
            try (Connection connection = dataSource.getConnection()) {
                assertThat(string(connection, "SELECT current_user")).isEqualTo(roles.roleName(acme));
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("acme note");
                assertThatThrownBy(() -> strings(connection, "SELECT body FROM globex.notes"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                connection.setAutoCommit(false);
                assertThatThrownBy(() -> strings(connection, "SELECT body FROM globex.notes"))
                        .hasMessageContaining("permission denied");
                connection.rollback();
                connection.setAutoCommit(true);
            }
        });

        try (Connection next = throughPooler().getConnection()) {
            assertThat(string(next, "SELECT current_user")).as("the role on the pooler's one server session")
                    .isEqualTo(database.username());
            assertThat(string(next, "SHOW search_path")).as("the path on the pooler's one server session")
                    .doesNotContain("acme");
        }
    }

    private static PGSimpleDataSource throughPooler() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(bouncer.jdbcUrl(database.name()));
        dataSource.setUser(database.username());
        if (database.password() != null) {
            dataSource.setPassword(database.password());
        }
        return dataSource;
    }
}
