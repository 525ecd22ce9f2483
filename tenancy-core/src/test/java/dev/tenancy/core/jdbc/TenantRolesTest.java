package dev.tenancy.core.jdbc;

import static dev.tenancy.core.TenantFixture.string;
import static dev.tenancy.core.TenantFixture.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.AppLogin;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantFixture;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.core.roles.TenantRoles;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With tenant roles on, PostgreSQL itself keeps tenants apart: a connection serving tenant A runs as A's role, which
 * has no privilege on B's schema, so naming B's table explicitly, or running under B's path, is refused ("permission
 * denied"), while A's own rows are read and written as usual. Shown for a superuser login (the test server's) and for
 * a non-superuser login with {@code CREATEROLE}, as real deployments use, with statement labels on and off.
 */
@ExtendWith(TestDatabaseExtension.class)
class TenantRolesTest {

    private static final String PERMISSION_DENIED = "42501";

    private static TenantFixture fixture;
    private static AppLogin app;
    private static HikariDataSource appPool;
    private static TenantRoles roles;
    private static String login;
    private static SchemaName acme;
    private static SchemaName globex;

    @BeforeAll
    static void twoTenantsOwnedByAnAppLoginWithTheirRoles(TestDatabase database) throws SQLException {
        fixture = new TenantFixture(database, 2);
        app = new AppLogin(database, 2);
        appPool = app.pool();
        roles = app.roles();
        login = app.name();
        try (Connection connection = appPool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE public.plans (name text); INSERT INTO public.plans VALUES ('gold')");
            roles.install(connection, "public", List.of());
            acme = app.tenantWithRole(connection, "acme");
            globex = app.tenantWithRole(connection, "globex");
        }
    }

    @AfterAll
    static void dropRoles() {
        app.close();
        fixture.close();
    }

    private static TenantAwareDataSource withRoles(DataSource pool, boolean labels) {
        return TenantAwareDataSource.builder(pool).tenantRoles(roles).labelStatements(labels).build();
    }

    @ParameterizedTest(name = "labels {0}")
    @ValueSource(booleans = {true, false})
    void aTenantNamingAnotherTenantsTableIsRefusedByPostgres(boolean labels) throws Exception {
        for (DataSource pool : List.of(appPool, fixture.pool())) {
            TenantAwareDataSource dataSource = withRoles(pool, labels);
            Tenants.run(acme, () -> {
                try (Connection connection = dataSource.getConnection()) {
                    assertThatThrownBy(() -> strings(connection, "SELECT body FROM globex.notes"))
                            .isInstanceOf(SQLException.class)
                            .hasMessageContaining("permission denied for schema globex")
                            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(PERMISSION_DENIED);
                    try (PreparedStatement prepared = connection.prepareStatement("SELECT body FROM globex.notes")) {
                        assertThatThrownBy(prepared::executeQuery).hasMessageContaining("permission denied");
                    }
                }
            });
        }
    }

    @ParameterizedTest(name = "labels {0}")
    @ValueSource(booleans = {true, false})
    void aTenantReadsAndWritesItsOwnRowsAsItsRole(boolean labels) throws Exception {
        TenantAwareDataSource dataSource = withRoles(appPool, labels);
        Tenants.run(globex, () -> {
            try (Connection connection = dataSource.getConnection()) {
                assertThat(string(connection, "SELECT current_user")).isEqualTo(roles.roleName(globex));
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notes (body) VALUES (?)")) {
                    insert.setString(1, "written " + labels);
                    insert.executeUpdate();
                }
                assertThat(strings(connection, "SELECT body FROM notes")).contains("globex note", "written " + labels);
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("DELETE FROM notes WHERE body = 'written " + labels + "'");
                }
            }
        });
    }

    @Test
    void aWrongSearchPathCannotReachAnotherTenant() throws Exception {
        TenantAwareDataSource dataSource = withRoles(fixture.pool(), true);
        Tenants.run(acme, () -> {
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.execute("SET search_path TO globex; SELECT body FROM notes"))
                        .hasMessageContaining("relation \"notes\" does not exist");
                assertThatThrownBy(() -> statement.execute("SET search_path TO globex; SELECT body FROM globex.notes"))
                        .hasMessageContaining("permission denied for schema globex");
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("acme note");
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RESET ROLE", "SET ROLE NONE", "SELECT set_config('role', 'none', false)"})
    void sqlTextThatLeavesTheTenantsRoleIsUndoneBeforeTheNextStatement(String sql) throws Exception {
        TenantAwareDataSource dataSource = withRoles(fixture.pool(), true);
        Tenants.run(acme, () -> {
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
                assertThat(string(connection, "SELECT current_user")).isEqualTo(roles.roleName(acme));
                assertThatThrownBy(() -> strings(connection, "SELECT body FROM globex.notes"))
                        .hasMessageContaining("permission denied");
            }
        });
    }

    @Test
    void sharedTablesAreReadableByTenantsOnlyWhenGrantedToTheGroup() throws Exception {
        TenantAwareDataSource dataSource = withRoles(appPool, true);
        Tenants.run(acme, () -> {
            try (Connection connection = dataSource.getConnection()) {
                assertThatThrownBy(() -> strings(connection, "SELECT name FROM plans"))
                        .hasMessageContaining("permission denied for table plans");
            }
        });
        try (Connection connection = TenantAwareDataSource.forLibraryWork(dataSource, "public").getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("GRANT SELECT ON public.plans TO " + roles.group());
        }
        try {
            Tenants.run(acme, () -> {
                try (Connection connection = dataSource.getConnection()) {
                    assertThat(strings(connection, "SELECT name FROM plans")).containsExactly("gold");
                }
            });
        } finally {
            try (Connection connection = TenantAwareDataSource.forLibraryWork(dataSource, "public").getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("REVOKE SELECT ON public.plans FROM " + roles.group());
            }
        }
    }

    @ParameterizedTest(name = "labels {0}")
    @ValueSource(booleans = {true, false})
    void outsideAnyTenantAndForLibraryWorkTheConnectionRunsAsTheLogin(boolean labels) throws Exception {
        TenantAwareDataSource dataSource = withRoles(appPool, labels);
        try (Connection connection = dataSource.getConnection()) {
            Tenants.call(acme, () -> strings(connection, "SELECT body FROM notes"));
            assertThat(string(connection, "SELECT current_user")).isEqualTo(login);
            assertThat(strings(connection, "SELECT body FROM acme.notes")).containsExactly("acme note");
        }
        try (Connection connection = dataSource.getConnection(acme)) {
            assertThat(string(connection, "SELECT current_user")).isEqualTo(roles.roleName(acme));
        }
        try (Connection connection = TenantAwareDataSource.forLibraryWork(dataSource, "public").getConnection()) {
            assertThat(string(connection, "SELECT current_user")).isEqualTo(login);
        }
    }

    @Test
    void tenancysOwnDirectoryReadsTheTenantTableAsTheLoginEvenInsideATenant() throws Exception {
        app.asSuperuser("INSERT INTO public.tenants (schema_name, status, name) VALUES ('globex', 'ACTIVE', 'Globex')");
        try {
            TenantDirectory directory = TenantDirectory.builder(withRoles(fixture.pool(), true)).build();
            assertThat(Tenants.call(acme, () -> directory.findBySchema(globex)))
                    .hasValueSatisfying(tenant -> assertThat(tenant.schema()).isEqualTo(globex));
        } finally {
            app.asSuperuser("DELETE FROM public.tenants WHERE schema_name = 'globex'");
        }
    }

    @Test
    void theLoginMaySwitchToATenantsRoleButDoesNotInheritItsPrivileges() throws Exception {
        try (Connection connection = appPool.getConnection()) {
            assertThat(string(connection, "SELECT pg_has_role('" + login + "', '" + roles.roleName(acme)
                    + "', 'SET')::text")).isEqualTo("true");
            assertThat(string(connection, "SELECT pg_has_role('" + login + "', '" + roles.roleName(acme)
                    + "', 'USAGE')::text")).isEqualTo("false");
            assertThat(string(connection, "SELECT rolcanlogin::text FROM pg_roles WHERE rolname = '"
                    + roles.roleName(acme) + "'")).isEqualTo("false");
        }
    }

    @Test
    void aTenantWithoutARoleIsRefusedWithAnExplanation() throws Exception {
        fixture.sql("CREATE SCHEMA initech");
        try {
            TenantAwareDataSource dataSource = withRoles(fixture.pool(), true);
            assertThatThrownBy(() -> dataSource.getConnection(SchemaName.of("initech")).close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Tenant 'initech' is served as PostgreSQL role '" + roles.prefix()
                            + "initech'")
                    .hasMessageContaining("enable-tenant-roles command");
        } finally {
            fixture.sql("DROP SCHEMA initech");
        }
    }
}
