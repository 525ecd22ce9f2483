package dev.tenancy.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.AppLogin;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.core.migration.TenantMigrator;
import dev.tenancy.core.roles.TenantRoles;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * With tenant roles on, the provisioner gives each tenant its role with the schema (cloned from the template or
 * migrated), renames it with the schema, drops it with the schema, and leaves none behind when a creation fails;
 * a later migration's objects are usable by the tenant's role and not by another tenant's. All as a non-superuser
 * login with {@code CREATEROLE}, as deployments run.
 */
@ExtendWith(TestDatabaseExtension.class)
class TenantRoleProvisioningTest {

    private static TestDatabase database;
    private static AppLogin app;
    private static TenantRoles roles;
    private static TenantAwareDataSource dataSource;

    @BeforeAll
    static void sharedTablesOwnedByTheLogin(TestDatabase testDatabase) throws SQLException {
        database = testDatabase;
        app = new AppLogin(database, 6);
        roles = app.roles();
        dataSource = TenantAwareDataSource.builder(app.pool()).tenantRoles(roles).build();
        try (Connection connection = app.pool().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(ProvisioningFixture.TABLES);
        }
    }

    @AfterAll
    static void dropEverything() {
        app.close();
    }

    @BeforeEach
    void noTenants() {
        app.asSuperuser("""
                DO $$ DECLARE s record; BEGIN
                  FOR s IN SELECT nspname FROM pg_namespace
                           WHERE nspname LIKE 'tenant\\_%' OR nspname = '_tenancy_template'
                  LOOP EXECUTE format('DROP SCHEMA %I CASCADE', s.nspname); END LOOP;
                END $$;
                DELETE FROM public.domains; DELETE FROM public.tenants;
                DROP TABLE IF EXISTS public.tenancy_provisioning, public.tenancy_audit,
                    public.flyway_schema_history""");
        for (String role : tenantRoles()) {
            app.asSuperuser("DROP ROLE \"" + role + "\"");
        }
    }

    private static TenantMigrator migrator(String... locations) {
        return TenantMigrator.builder(dataSource).tenantLocations(locations).build();
    }

    private static TenantProvisioner provisioner(boolean template) {
        TenantProvisioner.Builder builder = TenantProvisioner.builder(dataSource, migrator(ProvisioningFixture.TENANT));
        return (template ? builder : builder.withoutTemplate()).build();
    }

    @ParameterizedTest(name = "template {0}")
    @ValueSource(booleans = {true, false})
    void eachCreatedTenantRunsAsItsOwnRoleAndCannotReachTheOther(boolean template) throws Exception {
        TenantProvisioner provisioner = provisioner(template);
        SchemaName alpha = provisioner.create(TenantRequest.subdomain("alpha").value("name", "Alpha")
                .setUp(info -> insertUser("admin@alpha.test"))).schema();
        SchemaName beta = provisioner.create(TenantRequest.subdomain("beta").value("name", "Beta")).schema();

        assertThat(tenantRoles()).containsExactlyInAnyOrder(roles.roleName(alpha), roles.roleName(beta));
        Tenants.run(beta, () -> insertUser("someone@beta.test"));
        assertThat(Tenants.call(alpha, () -> strings("SELECT email FROM users"))).containsExactly("admin@alpha.test");
        assertThat(Tenants.call(alpha, () -> strings("SELECT current_user"))).containsExactly(roles.roleName(alpha));
        assertThatThrownBy(() -> Tenants.call(alpha, () -> strings("SELECT email FROM tenant_beta.users")))
                .hasMessageContaining("permission denied for schema tenant_beta");
        assertThat(Tenants.call(alpha, () -> strings("SELECT count(*) FROM projects"))).containsExactly("0");
        if (template) {
            assertThatThrownBy(() -> Tenants.call(alpha, () -> strings("SELECT * FROM _tenancy_template.users")))
                    .hasMessageContaining("permission denied for schema _tenancy_template");
        }
    }

    @Test
    void aLaterMigrationsTablesAreUsableByTheTenantsRoleAndNoOtherTenants() throws Exception {
        TenantProvisioner provisioner = provisioner(true);
        SchemaName alpha = provisioner.create(TenantRequest.subdomain("alpha").value("name", "Alpha")).schema();
        SchemaName beta = provisioner.create(TenantRequest.subdomain("beta").value("name", "Beta")).schema();

        assertThat(migrator(ProvisioningFixture.TENANT, "classpath:db/roles/later").migrateTenants().failures())
                .isEmpty();

        Tenants.run(alpha, () -> execute("INSERT INTO labels (name) VALUES ('urgent')"));
        assertThat(Tenants.call(alpha, () -> strings("SELECT name FROM labels"))).containsExactly("urgent");
        assertThatThrownBy(() -> Tenants.call(beta, () -> strings("SELECT name FROM tenant_alpha.labels")))
                .hasMessageContaining("permission denied for schema tenant_alpha");
        assertThat(Tenants.call(beta, () -> strings("SELECT count(*) FROM labels"))).containsExactly("0");
    }

    @Test
    void migrationsRunAsTheLoginOwningTheSchemaEvenOnConnectionsATenantUsedLast() throws Exception {
        TenantProvisioner provisioner = provisioner(true);
        SchemaName alpha = provisioner.create(TenantRequest.subdomain("alpha").value("name", "Alpha")).schema();
        SchemaName beta = provisioner.create(TenantRequest.subdomain("beta").value("name", "Beta")).schema();
        for (int i = 0; i < 6; i++) {
            Tenants.run(i % 2 == 0 ? alpha : beta, () -> insertUser("u" + UUID.randomUUID() + "@test"));
        }

        assertThat(migrator(ProvisioningFixture.TENANT, "classpath:db/roles/who").migrateTenants().failures())
                .isEmpty();

        assertThat(superuserStrings("SELECT schemaname || ':' || tableowner FROM pg_tables WHERE tablename = "
                + "'who_ran' ORDER BY 1")).containsExactly("tenant_alpha:" + app.name(), "tenant_beta:" + app.name());
        assertThat(Tenants.call(alpha, () -> strings("SELECT role_name FROM who_ran"))).containsExactly(app.name());
        assertThatThrownBy(() -> Tenants.call(alpha, () -> strings("CREATE TABLE sneaky (id int)")))
                .hasMessageContaining("permission denied for schema tenant_alpha");
    }

    @ParameterizedTest(name = "template {0}")
    @ValueSource(booleans = {true, false})
    void aTenantsConnectionCanNeitherReadNorRewriteItsMigrationHistory(boolean template) throws Exception {
        SchemaName alpha = provisioner(template).create(TenantRequest.subdomain("alpha").value("name", "A")).schema();

        for (String sql : List.of("SELECT count(*) FROM flyway_schema_history", "DELETE FROM flyway_schema_history")) {
            assertThatThrownBy(() -> Tenants.call(alpha, () -> strings(sql)))
                    .hasMessageContaining("permission denied for table flyway_schema_history");
        }
        assertThat(superuserStrings("SELECT count(*) > 0 FROM tenant_alpha.flyway_schema_history")).containsExactly("t");
    }

    @Test
    void theRoleIsRenamedWithTheSchemaAndDroppedWithIt() throws Exception {
        TenantProvisioner provisioner = provisioner(true);
        SchemaName alpha = provisioner.create(TenantRequest.subdomain("alpha").value("name", "Alpha")
                .setUp(info -> insertUser("admin@alpha.test"))).schema();
        SchemaName gamma = SchemaName.of("tenant_gamma");

        provisioner.renameSchema(alpha, gamma, "test");

        assertThat(tenantRoles()).containsExactly(roles.roleName(gamma));
        assertThat(Tenants.call(gamma, () -> strings("SELECT email FROM users"))).containsExactly("admin@alpha.test");

        provisioner.deleteAndDropSchema(gamma, "test");

        assertThat(tenantRoles()).isEmpty();
    }

    @Test
    void aCreationThatFailsAfterItsRoleWasMadeLeavesNoRole() {
        TenantProvisioner provisioner = provisioner(true);

        assertThatThrownBy(() -> provisioner.create(TenantRequest.subdomain("boom").value("name", "Boom")
                .setUp(info -> {
                    insertUser("admin@boom.test");
                    throw new IllegalStateException("injected: set-up failed");
                })))
                .isInstanceOf(TenancyException.class)
                .hasMessageContaining("Everything this attempt had written was removed");

        assertThat(tenantRoles()).isEmpty();
        assertThat(superuserStrings("SELECT nspname FROM pg_namespace WHERE nspname = 'tenant_boom'")).isEmpty();
        provisioner.create(TenantRequest.subdomain("boom").value("name", "Boom"));
        assertThat(tenantRoles()).containsExactly(roles.prefix() + "tenant_boom");
    }

    @Test
    void aCreationCutShortByACrashLeavesARoleThatRecoveryDrops() {
        TenantProvisioner provisioner = provisioner(true);
        assertThatThrownBy(() -> provisioner.create(TenantRequest.subdomain("crash").value("name", "Crash")
                .setUp(info -> {
                    app.asSuperuser("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' "
                            + "AND objsubid = 1 AND ((classid::bigint << 32) | objid::bigint) = "
                            + "hashtextextended('tenancy.tenant:tenant_crash', 0)");
                    throw new IllegalStateException("the process dies here");
                })))
                .hasMessageContaining("recoverInterrupted()");
        assertThat(tenantRoles()).containsExactly(roles.prefix() + "tenant_crash");

        assertThat(provisioner.recoverInterrupted()).containsExactly(SchemaName.of("tenant_crash"));

        assertThat(tenantRoles()).isEmpty();
    }

    @Test
    void aSchemaWhoseRoleNameWouldBeTooLongIsRefusedBeforeAnythingIsWritten() {
        String subdomain = "a".repeat(63 - "tenant_".length());

        assertThatThrownBy(() -> provisioner(true).create(TenantRequest.subdomain(subdomain).value("name", "Long")))
                .isInstanceOf(TenancyException.class)
                .hasMessageContaining("PostgreSQL names are at most 63");

        assertThat(superuserStrings("SELECT schema_name FROM public.tenants")).isEmpty();
        assertThat(tenantRoles()).isEmpty();
    }

    @Test
    void anExistingFleetIsSwitchedToTenantRolesOneTenantAtATimeAndTheSwitchCanBeRerun() throws Exception {
        try (HikariDataSource earlier = app.newPool(3)) {
            TenantAwareDataSource withoutRoles = TenantAwareDataSource.wrap(earlier);
            TenantProvisioner before = TenantProvisioner.builder(withoutRoles,
                    TenantMigrator.builder(withoutRoles).tenantLocations(ProvisioningFixture.TENANT).build()).build();
            for (String tenant : List.of("alpha", "beta", "gamma")) {
                before.create(TenantRequest.subdomain(tenant).value("name", tenant));
            }
        }
        app.asSuperuser("CREATE TABLE tenant_gamma.stray (id int)");
        assertThat(tenantRoles()).isEmpty();

        List<TenantProvisioner.RoleResult> first = provisioner(true).enableTenantRoles("test");

        assertThat(first).extracting(r -> r.schema().value() + ":" + r.created() + ":" + r.succeeded())
                .containsExactly("tenant_alpha:true:true", "tenant_beta:true:true", "tenant_gamma:false:false");
        assertThat(first.get(2).error()).contains("stray").contains("the login role does not own them");
        assertThat(tenantRoles()).containsExactly(roles.prefix() + "tenant_alpha", roles.prefix() + "tenant_beta");
        assertThatThrownBy(() -> Tenants.call(SchemaName.of("tenant_alpha"),
                () -> strings("SELECT email FROM tenant_beta.users")))
                .hasMessageContaining("permission denied for schema tenant_beta");

        app.asSuperuser("ALTER TABLE tenant_gamma.stray OWNER TO " + app.name());
        List<TenantProvisioner.RoleResult> second = provisioner(true).enableTenantRoles("test");

        assertThat(second).extracting(r -> r.schema().value() + ":" + r.created() + ":" + r.succeeded())
                .containsExactly("tenant_alpha:false:true", "tenant_beta:false:true", "tenant_gamma:true:true");
        assertThat(Tenants.call(SchemaName.of("tenant_gamma"), () -> strings("SELECT count(*) FROM stray")))
                .containsExactly("0");
    }

    private static void insertUser(String email) throws SQLException {
        execute("INSERT INTO users (email) VALUES ('" + email + "')");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> strings(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, sql);
        }
    }

    private static List<String> tenantRoles() {
        return superuserStrings("SELECT rolname FROM pg_roles WHERE starts_with(rolname, '" + roles.prefix()
                + "') ORDER BY rolname");
    }

    private static List<String> superuserStrings(String sql) {
        try (Connection connection = database.openConnection()) {
            return read(connection, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> read(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
