package dev.tenancy.boot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tenancy.boot.TestAppTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

import java.util.List;

/**
 * {@code create-tenant}, {@code clone-tenant}, {@code delete-tenant}, {@code rename-schema} and
 * {@code create-missing-schemas} on the running test application, whose {@code TenantListener} bean gives every new
 * tenant a welcome note. Each test removes the tenants it made.
 */
@TestAppTest
class ProvisioningCommandsTest {

    private static final List<String> MADE = List.of("tenant_gamma", "tenant_delta_co", "tenant_epsilon",
            "tenant_eta", "tenant_theta", "tenant_iota", "tenant_kappa", "tenant_beta_copy", "tenant_beta_empty",
            "tenant_lambda", "Bad Name");

    @Autowired
    CommandDispatcher commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    private CommandRun run(String... commandLine) {
        return CommandRun.of(commands, commandLine);
    }

    private static ResultMatcher json(String expected) {
        return content().json(expected, JsonCompareMode.STRICT);
    }

    private String tenantStatus(String schema) {
        return jdbc.queryForList("SELECT status FROM public.tenants WHERE schema_name = ?", String.class, schema)
                .stream().findFirst().orElse("none");
    }

    private boolean schemaExists(String schema) {
        return jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname = ?", Integer.class, schema) > 0;
    }

    private int tenantCount() {
        return jdbc.queryForObject("SELECT count(*) FROM public.tenants", Integer.class);
    }

    @AfterEach
    void removeTheTenantsMade() {
        for (String schema : MADE) {
            jdbc.update("DELETE FROM public.tenants WHERE schema_name = ?", schema);
            jdbc.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        }
    }

    @Test
    void createTenantBuildsItsSchemaServesItsDomainsRunsTheListenersAndIsAudited() throws Exception {
        CommandRun run = run("create-tenant", "--schema=tenant_gamma", "--domain=gamma.example.com",
                "--domain=Gamma.example.org", "--set=name=Gamma Corp");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Created tenant tenant_gamma (id ")
                .contains("at gamma.example.com, gamma.example.org (the first is primary).");
        assertThat(tenantStatus("tenant_gamma")).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("SELECT name FROM public.tenants WHERE schema_name = 'tenant_gamma'",
                String.class)).isEqualTo("Gamma Corp");
        mvc.perform(get("/notes/jdbc").header("Host", "gamma.example.org"))
                .andExpect(status().isOk()).andExpect(json("[\"welcome to tenant_gamma\"]"));
        assertThat(jdbc.queryForList("SELECT actor FROM public.tenancy_audit WHERE action = 'CREATE' AND "
                + "schema_name = 'tenant_gamma' AND outcome = 'SUCCESS'", String.class))
                .containsExactly("command:" + System.getProperty("user.name"));
    }

    @Test
    void createTenantWithASubdomainFollowsTheNamingConvention() throws Exception {
        CommandRun run = run("create-tenant", "--subdomain=Delta-Co", "--set=name=Delta");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Created tenant tenant_delta_co (id ", "at delta-co.localhost");
        mvc.perform(get("/notes/jdbc").header("Host", "delta-co.localhost")).andExpect(status().isOk());
    }

    @Test
    void createTenantRefusesAWrongCommandLineAndWritesNothing() {
        int before = tenantCount();
        assertThat(run("create-tenant", "--set=name=E").err())
                .contains("Give either --subdomain=LABEL or --schema=NAME.", "Usage: create-tenant");
        assertThat(run("create-tenant", "--subdomain=epsilon", "--schema=tenant_epsilon", "--set=name=E").exitCode())
                .isEqualTo(TenancyCommand.USAGE);
        assertThat(run("create-tenant", "--schema=tenant_epsilon", "--set=name").err())
                .contains("--set needs COLUMN=VALUE");
        assertThat(run("create-tenant", "--schema=tenant_epsilon").err())
                .contains("The column 'name' is required");
        assertThat(run("create-tenant", "--schema=tenant_epsilon", "--set=name=E", "--set=colour=red").err())
                .contains("The tenant table has no column 'colour'");
        assertThat(run("create-tenant", "--subdomain=-epsilon", "--set=name=E").err())
                .contains("is not a valid subdomain");
        assertThat(run("create-tenant", "--schema=Tenant-Epsilon", "--set=name=E").exitCode())
                .isEqualTo(TenancyCommand.USAGE);
        CommandRun badHost = run("create-tenant", "--schema=tenant_epsilon", "--set=name=E", "--domain=bad_host.com");
        assertThat(badHost.exitCode()).isEqualTo(TenancyCommand.USAGE);
        assertThat(badHost.err()).contains("not a valid host name");
        assertThat(tenantCount()).isEqualTo(before);
        assertThat(schemaExists("tenant_epsilon")).isFalse();
    }

    @Test
    void createTenantFailsForATakenSchemaOrDomain() {
        int before = tenantCount();
        CommandRun taken = run("create-tenant", "--schema=tenant_alpha", "--set=name=Again");
        assertThat(taken.exitCode()).isEqualTo(TenancyCommand.FAILURE);
        assertThat(taken.err()).contains("A tenant with schema 'tenant_alpha' already exists.");

        CommandRun domain = run("create-tenant", "--schema=tenant_epsilon", "--set=name=E",
                "--domain=alpha.example.com");
        assertThat(domain.exitCode()).isEqualTo(TenancyCommand.FAILURE);
        assertThat(domain.err()).contains("'alpha.example.com' is already registered");
        assertThat(tenantCount()).isEqualTo(before);
        assertThat(schemaExists("tenant_epsilon")).isFalse();
    }

    @Test
    void deleteTenantDeactivatesByDefaultAndDropsTheSchemaOnlyWhenConfirmed() throws Exception {
        assertThat(run("create-tenant", "--schema=tenant_eta", "--set=name=Eta", "--domain=eta.example.com")
                .exitCode()).isZero();
        mvc.perform(get("/notes/jdbc").header("Host", "eta.example.com")).andExpect(status().isOk());

        CommandRun unconfirmed = run("delete-tenant", "--schema=tenant_eta", "--drop-schema");
        assertThat(unconfirmed.exitCode()).isEqualTo(TenancyCommand.USAGE);
        assertThat(unconfirmed.err()).contains("add --yes to confirm");
        assertThat(tenantStatus("tenant_eta")).isEqualTo("ACTIVE");

        CommandRun soft = run("delete-tenant", "--schema=tenant_eta");
        assertThat(soft.exitCode()).isZero();
        assertThat(soft.out()).contains("Deactivated tenant tenant_eta");
        assertThat(tenantStatus("tenant_eta")).isEqualTo("INACTIVE");
        assertThat(schemaExists("tenant_eta")).isTrue();
        mvc.perform(get("/notes/jdbc").header("Host", "eta.example.com")).andExpect(status().isForbidden());

        CommandRun drop = run("delete-tenant", "--schema=tenant_eta", "--drop-schema", "--yes");
        assertThat(drop.exitCode()).isZero();
        assertThat(drop.out()).contains("Deleted tenant tenant_eta and dropped its schema.");
        assertThat(tenantStatus("tenant_eta")).isEqualTo("none");
        assertThat(schemaExists("tenant_eta")).isFalse();
    }

    @Test
    void deleteTenantOfATenantThatDropsItsSchemaNeedsConfirmation() {
        assertThat(run("create-tenant", "--schema=tenant_theta", "--set=name=Theta", "--auto-drop-schema")
                .exitCode()).isZero();

        CommandRun unconfirmed = run("delete-tenant", "--schema=tenant_theta");
        assertThat(unconfirmed.exitCode()).isEqualTo(TenancyCommand.USAGE);
        assertThat(unconfirmed.err()).contains("has auto_drop_schema set");
        assertThat(schemaExists("tenant_theta")).isTrue();

        CommandRun confirmed = run("delete-tenant", "--schema=tenant_theta", "--yes");
        assertThat(confirmed.exitCode()).isZero();
        assertThat(confirmed.out()).contains("dropped its schema (auto_drop_schema)");
        assertThat(schemaExists("tenant_theta")).isFalse();
    }

    @Test
    void deleteTenantFailsForAnUnknownTenantAndNeedsASchema() {
        CommandRun unknown = run("delete-tenant", "--schema=tenant_nobody");
        assertThat(unknown.exitCode()).isEqualTo(TenancyCommand.FAILURE);
        assertThat(unknown.err()).contains("No tenant has the schema 'tenant_nobody'.");
        assertThat(run("delete-tenant", "--yes").exitCode()).isEqualTo(TenancyCommand.USAGE);
    }

    @Test
    void renameSchemaMovesTheTenantToItsNewSchema() throws Exception {
        assertThat(run("create-tenant", "--schema=tenant_iota", "--set=name=Iota", "--domain=iota.example.com")
                .exitCode()).isZero();

        CommandRun run = run("rename-schema", "--from=tenant_iota", "--to=tenant_kappa");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Renamed schema tenant_iota to tenant_kappa.");
        assertThat(schemaExists("tenant_iota")).isFalse();
        assertThat(tenantStatus("tenant_kappa")).isEqualTo("ACTIVE");
        mvc.perform(get("/notes/jdbc").header("Host", "iota.example.com"))
                .andExpect(status().isOk()).andExpect(json("[\"welcome to tenant_iota\"]"));
    }

    @Test
    void renameSchemaRefusesATakenNameAnUnknownTenantAndAWrongCommandLine() {
        CommandRun taken = run("rename-schema", "--from=tenant_beta", "--to=tenant_alpha");
        assertThat(taken.exitCode()).isEqualTo(TenancyCommand.FAILURE);
        assertThat(taken.err()).contains("A tenant with schema 'tenant_alpha' already exists.");
        assertThat(run("rename-schema", "--from=tenant_nobody", "--to=tenant_kappa").exitCode())
                .isEqualTo(TenancyCommand.FAILURE);
        assertThat(run("rename-schema", "--from=tenant_beta").exitCode()).isEqualTo(TenancyCommand.USAGE);
        assertThat(run("rename-schema", "--from=tenant_beta", "--to=tenant_beta").err())
                .contains("--from and --to name the same schema");
        assertThat(schemaExists("tenant_beta")).isTrue();
        assertThat(schemaExists("tenant_kappa")).isFalse();
    }

    @Test
    void cloneTenantCopiesTheStructureAndWithDataTheRows() throws Exception {
        CommandRun withData = run("clone-tenant", "--from=tenant_beta", "--schema=tenant_beta_copy",
                "--set=name=Beta copy", "--domain=beta-copy.example.com", "--with-data");
        CommandRun structure = run("clone-tenant", "--from=tenant_beta", "--schema=tenant_beta_empty",
                "--set=name=Beta empty", "--domain=beta-empty.example.com");

        assertThat(withData.exitCode()).isZero();
        assertThat(withData.out()).contains("Created tenant tenant_beta_copy", "as a copy of tenant_beta, rows "
                + "included.");
        assertThat(structure.exitCode()).isZero();
        mvc.perform(get("/notes/jdbc").header("Host", "beta-copy.example.com"))
                .andExpect(json("[\"beta note\", \"welcome to tenant_beta_copy\"]"));
        mvc.perform(get("/notes/jdbc").header("Host", "beta-empty.example.com"))
                .andExpect(json("[\"welcome to tenant_beta_empty\"]"));
    }

    @Test
    void cloneTenantFailsForAnUnknownSourceAndNeedsOne() {
        CommandRun unknown = run("clone-tenant", "--from=tenant_nobody", "--schema=tenant_beta_copy",
                "--set=name=Copy");
        assertThat(unknown.exitCode()).isEqualTo(TenancyCommand.FAILURE);
        assertThat(unknown.err()).contains("No tenant has the schema 'tenant_nobody'.");
        assertThat(run("clone-tenant", "--schema=tenant_beta_copy", "--set=name=Copy").exitCode())
                .isEqualTo(TenancyCommand.USAGE);
        assertThat(tenantStatus("tenant_beta_copy")).isEqualTo("none");
    }

    @Test
    void createMissingSchemasBuildsTheSchemaOfATenantRowThatHasNone() {
        jdbc.update("INSERT INTO public.tenants (schema_name, status, name) VALUES ('tenant_lambda', 'ACTIVE', 'L')");

        CommandRun run = run("create-missing-schemas");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Created 1 schema: [tenant_lambda].");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tenant_lambda.notes", Integer.class)).isZero();
        assertThat(run("create-missing-schemas").out()).contains("Every tenant has its schema; nothing to create.");
    }

    @Test
    void createMissingSchemasFailsNamingTheTenantItCouldNotBuild() {
        jdbc.update("INSERT INTO public.tenants (schema_name, status, name) VALUES ('Bad Name', 'ACTIVE', 'B')");

        CommandRun run = run("create-missing-schemas");

        assertThat(run.exitCode()).isEqualTo(TenancyCommand.FAILURE);
        assertThat(run.err()).contains("create-missing-schemas failed:", "[Bad Name]");
        assertThat(schemaExists("Bad Name")).isFalse();
    }
}
