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
 * which PostgreSQL refuses another tenant's table, and a tenant created by command gets its role at once.
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

    @AfterAll
    static void dropTheRoles() throws SQLException {
        try (Connection connection = TestAppDatabase.database().openConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS tenant_roles_cmd CASCADE;"
                    + "DELETE FROM public.tenants WHERE schema_name = 'tenant_roles_cmd';"
                    + "DO $$ DECLARE r record; BEGIN "
                    + "FOR r IN SELECT rolname FROM pg_roles WHERE starts_with(rolname, 'starter_role_') "
                    + "OR rolname = 'starter_tenant_roles' ORDER BY rolname = 'starter_tenant_roles' LOOP "
                    + "EXECUTE format('DROP OWNED BY %I', r.rolname); EXECUTE format('DROP ROLE %I', r.rolname); "
                    + "END LOOP; END $$");
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
}
