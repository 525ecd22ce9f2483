package dev.tenancy.boot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tenancy.boot.TestAppDatabase;
import dev.tenancy.boot.TestAppTest;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * With {@code tenancy.roles.enabled=true}, {@code enable-tenant-roles} switches the test application's existing fleet
 * (alpha, beta, sleepy) on, tenant by tenant, and can be run again; then requests are served as each tenant's role,
 * which PostgreSQL refuses another tenant's table, and a tenant created by command gets its role at once. A table a
 * later {@code migrate-schemas} run creates belongs to the login and is usable at once by the tenant's role (default
 * privileges), and by no other tenant's.
 */
@TestAppTest
@TestPropertySource(properties = {"tenancy.roles.enabled=true", "tenancy.roles.prefix=starter_role_",
        "tenancy.roles.group=starter_tenant_roles"})
class EnableTenantRolesCommandTest {

    @Autowired
    CommandDispatcher commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    /** Each test starts from a fleet without tenant roles (the group stays: the provisioner made it once). */
    @AfterEach
    void dropTheTenantsMadeAndEveryTenantRole() throws SQLException {
        superuser("DROP SCHEMA IF EXISTS tenant_roles_cmd CASCADE;"
                + "DROP SCHEMA IF EXISTS tenant_roles_mig CASCADE;"
                + "DELETE FROM public.tenancy_schema_versions WHERE schema_name IN ('tenant_roles_cmd', "
                + "'tenant_roles_mig');"
                + "DELETE FROM public.tenants WHERE schema_name IN ('tenant_roles_cmd', 'tenant_roles_mig');"
                + "DO $$ DECLARE r record; BEGIN "
                + "FOR r IN SELECT rolname FROM pg_roles WHERE starts_with(rolname, 'starter_role_') LOOP "
                + "EXECUTE format('DROP OWNED BY %I', r.rolname); EXECUTE format('DROP ROLE %I', r.rolname); "
                + "END LOOP; END $$");
    }

    @AfterAll
    static void dropTheGroup() throws SQLException {
        superuser("DROP OWNED BY starter_tenant_roles; DROP ROLE starter_tenant_roles");
    }

    private static void superuser(String sql) throws SQLException {
        try (Connection connection = TestAppDatabase.database().openConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void theCommandGivesEveryTenantItsRoleAndRequestsThenRunAsIt() throws Exception {
        CommandRun first = CommandRun.of(commands, "enable-tenant-roles");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("tenant_alpha: role created and granted",
                "tenant_beta: role created and granted", "tenant_sleepy: role created and granted",
                "tenants ready with tenant roles.");

        CommandRun again = CommandRun.of(commands, "enable-tenant-roles");

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("tenant_alpha: role granted (it existed)",
                "tenant_beta: role granted (it existed)");
        mvc.perform(get("/notes/jdbc").header("Host", "alpha.example.com"))
                .andExpect(status().isOk()).andExpect(content().json("[\"alpha note\"]"));
        assertThat(Tenants.call(SchemaName.of("tenant_alpha"),
                () -> jdbc.queryForObject("SELECT current_user", String.class))).isEqualTo("starter_role_tenant_alpha");
        assertThatThrownBy(() -> Tenants.call(SchemaName.of("tenant_alpha"),
                () -> jdbc.queryForList("SELECT body FROM tenant_beta.notes", String.class)))
                .rootCause().hasMessageContaining("permission denied for schema tenant_beta");

        CommandRun create = CommandRun.of(commands, "create-tenant", "--schema=tenant_roles_cmd",
                "--set=name=Roles");

        assertThat(create.exitCode()).as(create.err()).isZero();
        assertThat(Tenants.call(SchemaName.of("tenant_roles_cmd"),
                () -> jdbc.queryForList("SELECT body FROM notes", String.class))).isNotNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_roles WHERE rolname = 'starter_role_tenant_roles_cmd'",
                Integer.class)).isOne();
    }

    @Test
    void tablesAMigrateSchemasRunCreatesAreOwnedByTheLoginAndUsableByTheTenantsRoleOnly() throws Exception {
        assertThat(CommandRun.of(commands, "enable-tenant-roles").exitCode()).isZero();
        CommandRun create = CommandRun.of(commands, "create-tenant", "--schema=tenant_roles_mig", "--set=name=Mig");
        assertThat(create.exitCode()).as(create.err()).isZero();
        jdbc.execute("DROP TABLE tenant_roles_mig.notes; DELETE FROM tenant_roles_mig.flyway_schema_history "
                + "WHERE version = '1'; DELETE FROM public.tenancy_schema_versions WHERE schema_name = "
                + "'tenant_roles_mig'");

        CommandRun migrate = CommandRun.of(commands, "migrate-schemas", "--schema=tenant_roles_mig");

        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("1 migrated");
        assertThat(jdbc.queryForObject("SELECT tableowner FROM pg_tables WHERE schemaname = 'tenant_roles_mig' "
                + "AND tablename = 'notes'", String.class)).isEqualTo(TestAppDatabase.database().username());
        SchemaName tenant = SchemaName.of("tenant_roles_mig");
        Tenants.run(tenant, () -> jdbc.update("INSERT INTO notes (body) VALUES ('written as the tenant')"));
        assertThat(Tenants.call(tenant, () -> jdbc.queryForList("SELECT current_user || ': ' || body FROM notes",
                String.class))).containsExactly("starter_role_tenant_roles_mig: written as the tenant");
        assertThatThrownBy(() -> Tenants.call(SchemaName.of("tenant_alpha"),
                () -> jdbc.queryForList("SELECT body FROM tenant_roles_mig.notes", String.class)))
                .rootCause().hasMessageContaining("permission denied for schema tenant_roles_mig");
    }
}
