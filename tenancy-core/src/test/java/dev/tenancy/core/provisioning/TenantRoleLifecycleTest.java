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

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With tenant roles on, a clone's role holds exactly its source's rights, over its own schema only (the source's role
 * gains nothing on the clone; grants to anyone else still refuse the clone), and a renamed tenant's role keeps exactly its rights under the new name while the old
 * name is free for a new tenant that the renamed one cannot reach. As a non-superuser login with {@code CREATEROLE}.
 */
@ExtendWith(TestDatabaseExtension.class)
class TenantRoleLifecycleTest {

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
        execute(ProvisioningFixture.TABLES);
    }

    @AfterAll
    static void dropEverything() {
        app.close();
    }

    @BeforeEach
    void noTenants() {
        RoleTestSql.dropTenants(app, roles);
    }

    private static TenantProvisioner provisioner() {
        return TenantProvisioner.builder(dataSource,
                TenantMigrator.builder(dataSource).tenantLocations(ProvisioningFixture.TENANT).build()).build();
    }

    @Test
    void aClonesRoleHoldsExactlyItsSourcesRightsOverItsOwnSchemaOnly() throws Exception {
        TenantProvisioner provisioner = provisioner();
        SchemaName alpha = provisioner.create(TenantRequest.subdomain("alpha").value("name", "Alpha")
                .setUp(info -> execute("INSERT INTO users (email) VALUES ('admin@alpha.test')"))).schema();
        List<String> sourceRights = privileges(alpha);

        SchemaName copy = provisioner.cloneTenant(alpha, TenantRequest.subdomain("copy").value("name", "Copy"), true)
                .schema();

        assertThat(privileges(copy)).isEqualTo(sourceRights);
        assertThat(privileges(alpha)).isEqualTo(sourceRights);
        assertThat(Tenants.call(copy, () -> strings("SELECT email FROM users"))).containsExactly("admin@alpha.test");
        assertThatThrownBy(() -> Tenants.call(alpha, () -> strings("SELECT email FROM tenant_copy.users")))
                .hasMessageContaining("permission denied for schema tenant_copy");
        assertThatThrownBy(() -> Tenants.call(copy, () -> strings("SELECT email FROM tenant_alpha.users")))
                .hasMessageContaining("permission denied for schema tenant_alpha");
    }

    @Test
    void aSourceGrantingAnyoneButItsOwnRoleIsStillRefusedCloning() throws SQLException {
        TenantProvisioner provisioner = provisioner();
        SchemaName alpha = provisioner.create(TenantRequest.subdomain("alpha").value("name", "Alpha")).schema();
        app.asSuperuser("GRANT SELECT ON tenant_alpha.users TO " + roles.group());

        assertThatThrownBy(() -> provisioner.cloneTenant(alpha, TenantRequest.subdomain("copy").value("name", "Copy"),
                false)).hasMessageContaining("cannot be cloned exactly because it holds grants on users.");

        assertThat(superuserStrings("SELECT rolname FROM pg_roles WHERE rolname = '" + roles.prefix() + "tenant_copy'"))
                .isEmpty();
    }

    @Test
    void aRenamedTenantsRoleKeepsItsRightsAndTheOldNameServesANewTenantItCannotReach() throws Exception {
        TenantProvisioner provisioner = provisioner();
        SchemaName alpha = provisioner.create(TenantRequest.subdomain("alpha").value("name", "Alpha")).schema();
        List<String> before = privileges(alpha);
        SchemaName gamma = SchemaName.of("tenant_gamma");

        provisioner.renameSchema(alpha, gamma, "test");
        SchemaName newAlpha = provisioner.create(TenantRequest.schema("tenant_alpha")
                .domain("new-alpha.localhost").value("name", "New Alpha")).schema();

        assertThat(privileges(gamma)).isEqualTo(before);
        assertThat(privileges(newAlpha)).isEqualTo(before);
        assertThat(superuserStrings("SELECT rolname FROM pg_roles WHERE starts_with(rolname, '" + roles.prefix()
                + "') ORDER BY 1")).containsExactly(roles.roleName(alpha), roles.roleName(gamma));
        assertThatThrownBy(() -> Tenants.call(gamma, () -> strings("SELECT email FROM tenant_alpha.users")))
                .hasMessageContaining("permission denied for schema tenant_alpha");
        assertThatThrownBy(() -> Tenants.call(newAlpha, () -> strings("SELECT email FROM tenant_gamma.users")))
                .hasMessageContaining("permission denied for schema tenant_gamma");
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

    private static List<String> superuserStrings(String sql) throws SQLException {
        return RoleTestSql.superuserStrings(database, sql);
    }
}
