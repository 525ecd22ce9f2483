package dev.tenancy.core.jdbc;

import static dev.tenancy.core.TenantFixture.string;
import static dev.tenancy.core.TenantFixture.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantFixture;
import dev.tenancy.core.TenantScope;
import dev.tenancy.core.Tenants;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabaseExtension.class)
class TenantAwareDataSourceTest {

    private static TenantFixture fixture;
    private static TenantAwareDataSource dataSource;
    private static SchemaName acme;
    private static SchemaName globex;

    @BeforeAll
    static void createTwoTenants(TestDatabase database) {
        fixture = new TenantFixture(database, 1);
        acme = fixture.createTenant("tenant_acme");
        globex = fixture.createTenant("tenant_globex");
        fixture.sql("CREATE SCHEMA extensions; CREATE TABLE public.plans (name text)");
        dataSource = TenantAwareDataSource.wrap(fixture.pool());
    }

    @AfterAll
    static void closePool() {
        fixture.close();
    }

    @BeforeEach
    void oneNoteEach() {
        fixture.sql("TRUNCATE tenant_acme.notes, tenant_globex.notes, public.plans;"
                + "INSERT INTO tenant_acme.notes (tenant, body) VALUES ('tenant_acme', 'acme note');"
                + "INSERT INTO tenant_globex.notes (tenant, body) VALUES ('tenant_globex', 'globex note');"
                + "INSERT INTO public.plans VALUES ('basic')");
    }

    private static String notes() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return String.join(",", strings(connection, "SELECT body FROM notes ORDER BY id"));
        }
    }

    /** The search path as the data source sets it: every schema quoted. */
    private static String path(String... schemas) {
        return String.join(", ", java.util.Arrays.stream(schemas).map(name -> '"' + name + '"').toList());
    }

    @Test
    void eachTenantSeesOnlyItsOwnRows() throws Exception {
        assertThat(Tenants.call(acme, TenantAwareDataSourceTest::notes)).isEqualTo("acme note");
        assertThat(Tenants.call(globex, TenantAwareDataSourceTest::notes)).isEqualTo("globex note");
    }

    @Test
    void tenantsAlsoSeeSharedTablesInPublic() throws Exception {
        try (Connection connection = Tenants.call(acme, () -> dataSource.getConnection())) {
            Tenants.run(acme, () -> assertThat(string(connection, "SELECT name FROM plans")).isEqualTo("basic"));
        }
    }

    @Test
    void outsideAnyTenantOnlyPublicIsVisible() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(string(connection, "SHOW search_path")).isEqualTo(path("public"));
            assertThatThrownBy(() -> strings(connection, "SELECT body FROM notes"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("relation \"notes\" does not exist");
        }
    }

    @Test
    void theSearchPathNamesTheTenantThenPublic() throws Exception {
        Tenants.run(acme, () -> {
            try (Connection connection = dataSource.getConnection()) {
                assertThat(string(connection, "SHOW search_path")).isEqualTo(path("tenant_acme", "public"));
            }
        });
    }

    @Test
    void onePooledConnectionIsReusedAcrossTenantsWithoutLeaking() throws Exception {
        for (int i = 0; i < 20; i++) {
            SchemaName tenant = i % 2 == 0 ? acme : globex;
            assertThat(Tenants.call(tenant, TenantAwareDataSourceTest::notes)).startsWith(tenant.value().substring(7));
            try (Connection connection = dataSource.getConnection()) {
                assertThat(string(connection, "SHOW search_path")).isEqualTo(path("public"));
            }
        }
    }

    @Test
    void aConnectionKeptOpenAcrossATenantSwitchFollowsTheSwitch() throws Exception {
        try (Connection connection = Tenants.call(acme, () -> dataSource.getConnection())) {
            Tenants.run(acme, () -> assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("acme note"));
            Tenants.run(globex,
                    () -> assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("globex note"));
            assertThat(string(connection, "SHOW search_path")).isEqualTo(path("public"));
        }
    }

    @Test
    void rollbackOfATransactionThatSwitchedTenantsRestoresTheRightPath() throws Exception {
        try (Connection connection = Tenants.call(acme, () -> dataSource.getConnection())) {
            connection.setAutoCommit(false);
            try (TenantScope ignored = Tenants.enter(acme)) {
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("acme note");
            }
            try (TenantScope ignored = Tenants.enter(globex)) {
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("globex note");
                connection.rollback();
                // PostgreSQL undid the SET made inside the transaction; the connection must set it again.
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("globex note");
                connection.commit();
            }
            try (TenantScope ignored = Tenants.enter(acme)) {
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("acme note");
                connection.rollback();
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("acme note");
            }
            connection.setAutoCommit(true);
        }
    }

    @Test
    void savepointRollbackAfterASwitchRestoresTheRightPath() throws Exception {
        try (Connection connection = Tenants.call(acme, () -> dataSource.getConnection())) {
            connection.setAutoCommit(false);
            Savepoint savepoint;
            try (TenantScope ignored = Tenants.enter(acme)) {
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("acme note");
                savepoint = connection.setSavepoint();
            }
            try (TenantScope ignored = Tenants.enter(globex)) {
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("globex note");
                connection.rollback(savepoint);
                assertThat(string(connection, "SHOW search_path")).isEqualTo(path("tenant_globex", "public"));
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("globex note");
            }
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    @Test
    void aTransactionBegunAtCheckoutCanRollBackWithoutLosingTheTenant() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(fixture.pool().getJdbcUrl());
        config.setUsername(fixture.pool().getUsername());
        config.setPassword(fixture.pool().getPassword());
        config.setMaximumPoolSize(1);
        config.setAutoCommit(false);
        try (HikariDataSource manualCommitPool = new HikariDataSource(config)) {
            TenantAwareDataSource manualCommit = TenantAwareDataSource.wrap(manualCommitPool);
            Tenants.run(globex, () -> {
                try (Connection connection = manualCommit.getConnection()) {
                    assertThat(connection.getAutoCommit()).isFalse();
                    connection.rollback();
                    assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("globex note");
                    connection.rollback();
                }
            });
            Tenants.run(acme, () -> {
                try (Connection connection = manualCommit.getConnection()) {
                    assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("acme note");
                }
            });
        }
    }

    @Test
    void writesWithAutocommitOffLandInTheTenantOfTheStatement() throws Exception {
        Tenants.run(globex, () -> {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("INSERT INTO notes (tenant, body) VALUES ('tenant_globex', 'second')");
                }
                connection.commit();
                connection.setAutoCommit(true);
            }
        });
        assertThat(Tenants.call(acme, TenantAwareDataSourceTest::notes)).isEqualTo("acme note");
        assertThat(Tenants.call(globex, TenantAwareDataSourceTest::notes)).isEqualTo("globex note,second");
    }

    @Test
    void anExceptionInsideATenantLeavesNothingBehindForTheNextUser() throws Exception {
        assertThatThrownBy(() -> Tenants.run(acme, () -> {
            try (Connection connection = dataSource.getConnection()) {
                strings(connection, "SELECT no_such_column FROM notes");
            }
        })).isInstanceOf(SQLException.class);
        try (Connection connection = dataSource.getConnection()) {
            assertThat(string(connection, "SHOW search_path")).isEqualTo(path("public"));
        }
    }

    @Test
    void aPinnedConnectionIgnoresTheContext() throws Exception {
        try (Connection connection = dataSource.getConnection(globex)) {
            Tenants.run(acme,
                    () -> assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("globex note"));
        }
        try (Connection connection = dataSource.getConnection((SchemaName) null)) {
            Tenants.run(acme, () -> assertThat(string(connection, "SHOW search_path")).isEqualTo(path("public")));
        }
    }

    @Test
    void setSchemaIsRefusedWithAHint() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThatThrownBy(() -> connection.setSchema("tenant_acme"))
                    .isInstanceOf(SQLFeatureNotSupportedException.class).hasMessageContaining("Tenants.run");
        }
    }

    @Test
    void extraSchemasFollowTheSharedOne() throws Exception {
        TenantAwareDataSource withExtras = TenantAwareDataSource.builder(fixture.pool())
                .extraSchemas(List.of("extensions")).build();
        Tenants.run(acme, () -> {
            try (Connection connection = withExtras.getConnection()) {
                assertThat(string(connection, "SHOW search_path"))
                        .isEqualTo(path("tenant_acme", "public", "extensions"));
            }
        });
        assertThat(withExtras.searchPath().valueFor(null)).isEqualTo("\"public\", \"extensions\"");
    }

    @Test
    void unsafeExtraSchemaNamesAreRejectedWhenBuilding() {
        assertThatThrownBy(() -> TenantAwareDataSource.builder(fixture.pool())
                .extraSchemas(List.of("ext\"; drop schema public;--")).build())
                .hasMessageContaining("extra search-path schema");
        assertThatThrownBy(() -> TenantAwareDataSource.builder(dataSource).build())
                .hasMessageContaining("already tenant-aware");
    }

    private static boolean serverReportsSearchPath() throws SQLException {
        try (Connection connection = fixture.pool().getConnection()) {
            return Integer.parseInt(string(connection, "SHOW server_version_num")) >= 180000;
        }
    }

    @Test
    void aPooledConnectionAlreadyOnTheTenantsPathIsSetAgainOnlyWhenTheServerCannotSaySo() throws Exception {
        Tenants.run(acme, TenantAwareDataSourceTest::notes);
        long before = dataSource.searchPathChanges();
        for (int i = 0; i < 5; i++) {
            assertThat(Tenants.call(acme, TenantAwareDataSourceTest::notes)).isEqualTo("acme note");
        }
        long sent = dataSource.searchPathChanges() - before;
        if (serverReportsSearchPath()) {
            assertThat(sent).as("PostgreSQL 18+ reports search_path: no SET needed").isZero();
        } else {
            assertThat(sent).as("older servers: one SET per checkout").isEqualTo(5);
        }
        assertThat(Tenants.call(globex, TenantAwareDataSourceTest::notes)).isEqualTo("globex note");
        assertThat(dataSource.searchPathChanges() - before).isEqualTo(sent + 1);
    }

    @Test
    void aPathChangedBehindTheDataSourcesBackIsPutRightAtTheNextCheckout() throws Exception {
        Tenants.run(acme, TenantAwareDataSourceTest::notes);
        try (Connection raw = fixture.pool().getConnection(); Statement statement = raw.createStatement()) {
            statement.execute("SET search_path TO tenant_globex, public");
        }
        assertThat(Tenants.call(acme, TenantAwareDataSourceTest::notes)).isEqualTo("acme note");
    }

    @Test
    void onServersThatReportItAPathChangedByTheApplicationsOwnSqlIsPutRight() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(serverReportsSearchPath(), "needs PostgreSQL 18 or later");
        Tenants.run(acme, () -> {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET search_path TO tenant_globex, public");
                }
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("acme note");
            }
        });
    }

    @Test
    void onServersThatReportItARolledBackSetIsNoticedWithoutBookkeeping() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(serverReportsSearchPath(), "needs PostgreSQL 18 or later");
        try (Connection connection = Tenants.call(acme, () -> dataSource.getConnection())) {
            connection.setAutoCommit(false);
            Tenants.run(globex, () -> assertThat(strings(connection, "SELECT body FROM notes"))
                    .containsExactly("globex note"));
            connection.rollback();
            long before = dataSource.searchPathChanges();
            Tenants.run(acme, () -> assertThat(strings(connection, "SELECT body FROM notes"))
                    .containsExactly("acme note"));
            assertThat(dataSource.searchPathChanges() - before)
                    .as("the rollback put acme's path back, and the server said so").isZero();
            connection.setAutoCommit(true);
        }
    }

    @Test
    void unwrapReachesThePool() throws Exception {
        assertThat(dataSource.unwrap(TenantAwareDataSource.class)).isSameAs(dataSource);
        assertThat(dataSource.isWrapperFor(com.zaxxer.hikari.HikariDataSource.class)).isTrue();
    }
}
