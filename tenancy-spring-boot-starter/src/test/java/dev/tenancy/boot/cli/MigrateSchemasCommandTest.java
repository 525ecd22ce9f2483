package dev.tenancy.boot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.boot.TestAppTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code migrate-schemas} on the running test application's tenants. */
@TestAppTest
class MigrateSchemasCommandTest {

    @Autowired
    CommandDispatcher commands;

    @Autowired
    JdbcTemplate jdbc;

    private CommandRun run(String... commandLine) {
        return CommandRun.of(commands, commandLine);
    }

    private boolean tableExists(String table) {
        return jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, table);
    }

    @AfterEach
    void removeTheTenantsMade() {
        jdbc.update("DELETE FROM public.tenants WHERE schema_name IN ('tenant_lost', 'tenant_mu')");
        jdbc.execute("DROP SCHEMA IF EXISTS tenant_mu CASCADE");
    }

    @Test
    void withoutAScopeItMigratesTheSharedSchemaThenEveryTenant() {
        jdbc.update("INSERT INTO public.tenants (schema_name, status, name) VALUES ('tenant_mu', 'ACTIVE', 'Mu')");
        jdbc.execute("CREATE SCHEMA tenant_mu");

        CommandRun run = run("migrate-schemas");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Migrating the shared schema, then the tenant schemas...", "1 migrated",
                " 0 failed, 0 missing");
        assertThat(tableExists("tenant_mu.notes")).isTrue();
        assertThat(jdbc.queryForList("SELECT schema_name FROM public.tenancy_schema_versions ORDER BY 1",
                String.class)).contains("tenant_alpha", "tenant_beta", "tenant_mu", "tenant_sleepy");
    }

    @Test
    void eachScopeMigratesOnlyItsSchemas() {
        CommandRun shared = run("migrate-schemas", "--shared");
        assertThat(shared.exitCode()).isZero();
        assertThat(shared.out()).contains("Migrating the shared schema...", "1 schemas in");

        CommandRun one = run("migrate-schemas", "--schema=tenant_alpha");
        assertThat(one.exitCode()).isZero();
        assertThat(one.out()).contains("Migrating tenant_alpha...", "1 schemas in", "0 failed");

        CommandRun tenants = run("migrate-schemas", "--tenant", "--parallel=2");
        assertThat(tenants.exitCode()).isZero();
        assertThat(tenants.out()).contains("Migrating the tenant schemas...", "0 failed");
    }

    @Test
    void aTenantThatCannotBeMigratedFailsTheRunWhileTheOthersAreMigrated() {
        jdbc.update("INSERT INTO public.tenants (schema_name, status, name, auto_create_schema) "
                + "VALUES ('tenant_lost', 'ACTIVE', 'Lost', false), ('tenant_mu', 'ACTIVE', 'Mu', false)");
        jdbc.execute("CREATE SCHEMA tenant_mu");

        CommandRun run = run("migrate-schemas", "--tenant");

        assertThat(run.exitCode()).isEqualTo(TenancyCommand.FAILURE);
        assertThat(run.out()).contains("1 missing", "tenant_lost");
        assertThat(run.err()).contains("create-missing-schemas");
        assertThat(run.err()).contains("Some schemas were not migrated; each keeps its last good version.");
        assertThat(tableExists("tenant_mu.notes")).isTrue();
    }

    @Test
    void aSchemaNoTenantOwnsFails() {
        CommandRun run = run("migrate-schemas", "--schema=tenant_nobody");
        assertThat(run.exitCode()).isEqualTo(TenancyCommand.FAILURE);
        assertThat(run.err()).contains("Unknown schema 'tenant_nobody'");
    }

    @Test
    void refusesAWrongCommandLine() {
        assertThat(run("migrate-schemas", "--shared", "--tenant").err())
                .contains("Give at most one of --shared, --tenant and --schema=NAME.", "Usage: migrate-schemas");
        assertThat(run("migrate-schemas", "--parallel=0").err()).contains("--parallel needs a whole number");
        assertThat(run("migrate-schemas", "--parallel=many").exitCode()).isEqualTo(TenancyCommand.USAGE);
        assertThat(run("migrate-schemas", "--plan", "--validate").exitCode()).isEqualTo(TenancyCommand.USAGE);
        assertThat(run("migrate-schemas", "--plan", "--shared").exitCode()).isEqualTo(TenancyCommand.USAGE);
        assertThat(run("migrate-schemas", "--schema=Tenant-Alpha").exitCode()).isEqualTo(TenancyCommand.USAGE);
    }

    @Test
    void planPrintsWhatIsPendingAndChangesNothing() {
        jdbc.update("INSERT INTO public.tenants (schema_name, status, name) VALUES ('tenant_mu', 'ACTIVE', 'Mu')");
        jdbc.execute("CREATE SCHEMA tenant_mu");

        CommandRun run = run("migrate-schemas", "--plan");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("public: at 2, up to date", "tenant_mu: empty, pending [1 - notes]",
                "Nothing was changed (--plan).");
        assertThat(tableExists("tenant_mu.notes")).isFalse();
    }

    @Test
    void validateChecksTheAppliedMigrationsOfEverySchema() {
        CommandRun valid = run("migrate-schemas", "--validate");
        assertThat(valid.exitCode()).isZero();
        assertThat(valid.out()).contains("schemas validated, 0 problems");

        Integer checksum = jdbc.queryForObject("SELECT checksum FROM tenant_beta.flyway_schema_history "
                + "WHERE version = '1'", Integer.class);
        jdbc.update("UPDATE tenant_beta.flyway_schema_history SET checksum = 42 WHERE version = '1'");
        try {
            CommandRun invalid = run("migrate-schemas", "--validate");
            assertThat(invalid.exitCode()).isEqualTo(TenancyCommand.FAILURE);
            assertThat(invalid.out()).contains("1 problems", "tenant_beta");
        } finally {
            jdbc.update("UPDATE tenant_beta.flyway_schema_history SET checksum = ? WHERE version = '1'", checksum);
        }
    }
}
