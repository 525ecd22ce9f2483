package dev.tenancy.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.AppLogin;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.core.migration.TenantMigrator;
import dev.tenancy.core.roles.TenantRoles;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant roles refuse, before anything is written, a login role that may not create roles (neither
 * {@code CREATEROLE} nor superuser), naming the missing right, the fix and how to turn the mode off; on the same
 * server a login with {@code CREATEROLE} is accepted. The login here may do everything else provisioning needs.
 */
@ExtendWith(TestDatabaseExtension.class)
class TenantRoleRefusalTest {

    private static final String LOGIN = "no_createrole_login";

    private static TestDatabase database;
    private static AppLogin app;
    private static HikariDataSource pool;
    private static TenantProvisioner provisioner;

    @BeforeAll
    static void aLoginThatOwnsTheTablesButMayNotCreateRoles(TestDatabase testDatabase) throws SQLException {
        database = testDatabase;
        app = new AppLogin(database, 1);
        app.asSuperuser("DROP ROLE IF EXISTS " + LOGIN + "; CREATE ROLE " + LOGIN + " LOGIN PASSWORD 'login';"
                + "GRANT CREATE ON DATABASE \"" + database.name() + "\" TO " + LOGIN + ";"
                + "GRANT CREATE ON SCHEMA public TO " + LOGIN);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl().replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", ""));
        config.setUsername(LOGIN);
        config.setPassword("login");
        config.setMaximumPoolSize(3);
        pool = new HikariDataSource(config);
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(ProvisioningFixture.TABLES);
            statement.execute("INSERT INTO public.tenants (schema_name, status, name) VALUES ('tenant_lost', "
                    + "'ACTIVE', 'Lost')");
        }
        TenantAwareDataSource dataSource = TenantAwareDataSource.builder(pool).tenantRoles(app.roles()).build();
        provisioner = TenantProvisioner.builder(dataSource, TenantMigrator.builder(dataSource)
                .tenantLocations(ProvisioningFixture.TENANT).build()).build();
    }

    @AfterAll
    static void dropTheLogin() {
        pool.close();
        app.asSuperuser("DROP OWNED BY " + LOGIN + " CASCADE; DROP ROLE " + LOGIN);
        app.close();
    }

    @Test
    void creatingATenantIsRefusedNamingTheMissingRightBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> provisioner.create(TenantRequest.subdomain("alpha").value("name", "Alpha")))
                .isInstanceOf(TenancyException.class)
                .hasMessageStartingWith("Tenant roles need the login role '" + LOGIN + "' to have CREATEROLE (or be "
                        + "a superuser)")
                .hasMessageContaining("ALTER ROLE \"" + LOGIN + "\" CREATEROLE")
                .hasMessageContaining("tenancy.roles.enabled=false");

        assertThat(superuserStrings("SELECT schema_name FROM public.tenants")).containsExactly("tenant_lost");
        assertThat(superuserStrings("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\\_%'")).isEmpty();
        assertThat(superuserStrings("SELECT rolname FROM pg_roles WHERE rolname = '" + app.roles().group() + "'"))
                .isEmpty();
    }

    @Test
    void repairingAndSwitchingTheFleetAreRefusedTheSameWay() {
        assertThatThrownBy(() -> provisioner.createMissingSchemas("test"))
                .hasMessageContaining("to have CREATEROLE (or be a superuser)");
        assertThatThrownBy(() -> provisioner.enableTenantRoles("test"))
                .hasMessageContaining("to have CREATEROLE (or be a superuser)");

        assertThat(superuserStrings("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\\_%'")).isEmpty();
    }

    @Test
    void aLoginWithCreateroleOnThisServerIsAccepted() throws SQLException {
        TenantRoles roles = app.roles();
        try (Connection connection = app.pool().getConnection()) {
            assertThatCode(() -> roles.checkSupported(connection)).doesNotThrowAnyException();
        }
        assertThat(Integer.parseInt(superuserStrings("SHOW server_version_num").get(0))).isGreaterThanOrEqualTo(160000);
    }

    private static List<String> superuserStrings(String sql) {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.openConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }
}
