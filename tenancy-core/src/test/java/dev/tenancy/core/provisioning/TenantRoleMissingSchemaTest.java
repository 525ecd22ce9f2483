package dev.tenancy.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.AppLogin;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.core.migration.TenantMigrator;
import dev.tenancy.core.roles.TenantRoles;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With tenant roles on, {@code createMissingSchemas} (the repair that builds the schema of a tenant row that has
 * none) leaves the tenant's role holding exactly what a created tenant's role holds, whether the role was missing too
 * or outlived the schema; and the repaired tenant's connections are refused every other tenant's tables by
 * PostgreSQL. Built from the template and from the migrations, as a non-superuser login with {@code CREATEROLE}.
 */
@ExtendWith(TestDatabaseExtension.class)
class TenantRoleMissingSchemaTest {

    private static TestDatabase database;
    private static AppLogin app;
    private static TenantRoles roles;
    private static TenantAwareDataSource dataSource;

    @BeforeAll
    static void sharedTablesOwnedByTheLogin(TestDatabase testDatabase) throws SQLException {
        database = testDatabase;
        app = new AppLogin(database, 4);
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
        RoleTestSql.dropTenants(app, roles);
    }

    private static TenantProvisioner provisioner(boolean template) {
        TenantProvisioner.Builder builder = TenantProvisioner.builder(dataSource,
                TenantMigrator.builder(dataSource).tenantLocations(ProvisioningFixture.TENANT).build());
        return (template ? builder : builder.withoutTemplate()).build();
    }

    @ParameterizedTest(name = "template {0}")
    @ValueSource(booleans = {true, false})
    void aMissingSchemaGetsItsRoleWithExactlyTheRightsOfACreatedTenantsRole(boolean template) throws Exception {
        TenantProvisioner provisioner = provisioner(template);
        SchemaName alpha = provisioner.create(TenantRequest.subdomain("alpha").value("name", "Alpha")).schema();
        SchemaName beta = SchemaName.of("tenant_beta");
        app.asSuperuser("INSERT INTO public.tenants (schema_name, status, name) VALUES ('tenant_beta', 'ACTIVE', 'B')");

        assertThat(provisioner.createMissingSchemas("test")).containsExactly(beta);

        List<String> rights = privileges(beta);
        assertThat(rights).isEqualTo(privileges(alpha))
                .contains("attributes login=false superuser=false createrole=false createdb=false bypassrls=false",
                        "member of " + roles.group(), "schema <schema> USAGE", "relation <schema>.users SELECT",
                        "relation <schema>.users DELETE", "relation <schema>.project_numbers USAGE",
                        "default <schema> r INSERT")
                .doesNotContain("schema <schema> CREATE")
                .noneMatch(line -> line.startsWith("held by") && line.contains("inherit=true"))
                .anyMatch(line -> line.startsWith("held by <login>") && line.endsWith("inherit=false set=true"));
        assertThat(rights).filteredOn(line -> !line.startsWith("attributes") && !line.startsWith("member of")
                && !line.startsWith("held by")).allMatch(line -> line.contains(" <schema>"));
        Tenants.run(beta, () -> execute("INSERT INTO users (email) VALUES ('admin@beta.test')"));
        assertThat(Tenants.call(beta, () -> strings("SELECT email FROM users"))).containsExactly("admin@beta.test");
        assertThat(Tenants.call(beta, () -> strings("SELECT current_user"))).containsExactly(roles.roleName(beta));
        assertThatThrownBy(() -> Tenants.call(beta, () -> strings("SELECT email FROM tenant_alpha.users")))
                .hasMessageContaining("permission denied for schema tenant_alpha");
        assertThatThrownBy(() -> Tenants.call(alpha, () -> strings("SELECT email FROM tenant_beta.users")))
                .hasMessageContaining("permission denied for schema tenant_beta");
    }

    @ParameterizedTest(name = "template {0}")
    @ValueSource(booleans = {true, false})
    void aSchemaLostWhileItsRoleStayedIsRebuiltWithTheRoleGrantedAsBefore(boolean template) throws Exception {
        TenantProvisioner provisioner = provisioner(template);
        SchemaName alpha = provisioner.create(TenantRequest.subdomain("alpha").value("name", "Alpha")).schema();
        provisioner.create(TenantRequest.subdomain("beta").value("name", "Beta"));
        List<String> before = privileges(alpha);
        app.asSuperuser("DROP SCHEMA tenant_alpha CASCADE");

        assertThat(provisioner.createMissingSchemas("test")).containsExactly(alpha);

        assertThat(privileges(alpha)).isEqualTo(before);
        assertThat(Tenants.call(alpha, () -> strings("SELECT count(*) FROM users"))).containsExactly("0");
        assertThatThrownBy(() -> Tenants.call(alpha, () -> strings("SELECT email FROM tenant_beta.users")))
                .hasMessageContaining("permission denied for schema tenant_beta");
    }

    private static List<String> privileges(SchemaName schema) {
        return RolePrivileges.of(database, roles, schema, app.name());
    }

    private static void execute(String sql) throws SQLException {
        RoleTestSql.execute(dataSource, sql);
    }

    private static List<String> strings(String sql) throws SQLException {
        return RoleTestSql.strings(dataSource, sql);
    }
}
