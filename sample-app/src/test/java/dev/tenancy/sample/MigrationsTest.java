package dev.tenancy.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.boot.autoconfigure.MigrateOnStartup;
import dev.tenancy.boot.autoconfigure.StartupMigrations;
import dev.tenancy.core.Tenants;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * The requirements' "migrations work for both shared and tenant schemas": the public schema gets the shared
 * migrations and the users table, each tenant schema the tenant migrations and its own users table, each with its
 * own history; a tenant schema that is behind is brought up to date by the start-up migrations.
 */
@SampleAppTest
class MigrationsTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StartupMigrations startupMigrations;

    private List<String> history(String schema) {
        return jdbc.queryForList("SELECT version || ' ' || description FROM " + schema + ".flyway_schema_history"
                + " WHERE success AND version IS NOT NULL ORDER BY installed_rank", String.class);
    }

    @Test
    void theSharedAndTenantSchemasEachHaveTheirOwnMigrations() {
        assertThat(history("public")).containsExactly("1 app users", "2 tenants and domains",
                "3 super super admins");
        assertThat(history(SampleAppTest.ACME)).containsExactly("1 app users", "2 tenant super admins", "3 notes");
        assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + "'public'", String.class)).contains("tenants", "domains", "app_users", "super_super_admins")
                .doesNotContain("tenant_super_admins");
    }

    @Test
    void aTenantSchemaThatIsBehindIsMigratedAtStartUp() {
        jdbc.execute("DROP TABLE " + SampleAppTest.ACME + ".notes");
        jdbc.update("DELETE FROM " + SampleAppTest.ACME + ".flyway_schema_history WHERE version = '3'");
        // The fleet ledger cannot see edits behind Flyway's back (the tenant, cloned from the template, is certified
        // up to date); forgetting its row is how an operator makes the next run check the schema with Flyway.
        jdbc.update("DELETE FROM public.tenancy_schema_versions WHERE schema_name = ?", SampleAppTest.ACME);

        Tenants.runInPublic(() -> startupMigrations.migrate(MigrateOnStartup.ALL));

        assertThat(history(SampleAppTest.ACME)).containsExactly("1 app users", "2 tenant super admins", "3 notes");
        assertThat(jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class,
                SampleAppTest.ACME + ".notes")).isTrue();
    }
}
