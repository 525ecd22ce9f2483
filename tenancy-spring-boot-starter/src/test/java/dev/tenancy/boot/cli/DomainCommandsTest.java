package dev.tenancy.boot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tenancy.boot.TestAppTest;
import dev.tenancy.core.directory.TenantDirectory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.MockMvc;

/** {@code list-tenants}, {@code create-domain} and {@code delete-domain} on the running test application. */
@TestAppTest
class DomainCommandsTest {

    @Autowired
    CommandDispatcher commands;

    @Autowired
    TenantDirectory directory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    private static ResultMatcher json(String expected) {
        return content().json(expected, JsonCompareMode.STRICT);
    }

    private CommandRun run(String... commandLine) {
        return CommandRun.of(commands, commandLine);
    }

    private int domainCount() {
        return jdbc.queryForObject("SELECT count(*) FROM public.domains", Integer.class);
    }

    @Test
    void listTenantsPrintsEveryTenantWithItsStatusAndPrimaryDomainFirst() {
        CommandRun run = run("list-tenants");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("tenant_alpha +ACTIVE +alpha\\.example\\.com, alpha")
                .containsPattern("tenant_fresh +PROVISIONING +fresh\\.example\\.com")
                .containsPattern("tenant_sleepy +INACTIVE ");
    }

    @Test
    void createDomainRegistersAHostThatThenServesTheTenant() throws Exception {
        mvc.perform(get("/notes").header("Host", "beta-two.example.com")).andExpect(status().isNotFound());

        CommandRun run = run("create-domain", "--schema=tenant_beta", "--domain=Beta-Two.example.com");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Added beta-two.example.com to tenant_beta.");
        mvc.perform(get("/notes").header("Host", "beta-two.example.com"))
                .andExpect(status().isOk()).andExpect(json("[\"beta note\"]"));
    }

    @Test
    void createDomainWithPrimaryTakesOverAsThePrimaryDomain() {
        assertThat(run("create-domain", "--schema=tenant_sleepy", "--domain=sleepy.example.org", "--primary")
                .exitCode()).isZero();
        assertThat(jdbc.queryForList("SELECT domain FROM public.domains d JOIN public.tenants t ON t.id = d.tenant_id"
                + " WHERE t.schema_name = 'tenant_sleepy' AND d.is_primary", String.class))
                .containsExactly("sleepy.example.org");
    }

    @Test
    void createDomainRefusesAMalformedCommandLineAndWritesNothing() {
        int before = domainCount();
        CommandRun missing = run("create-domain", "--domain=gamma.example.com");
        assertThat(missing.exitCode()).isEqualTo(TenancyCommand.USAGE);
        assertThat(missing.err()).contains("Missing option --schema=NAME.").contains("Usage: create-domain");

        assertThat(run("create-domain", "--schema=tenant_alpha", "--domain=gamma.example.com", "--colour=red")
                .exitCode()).isEqualTo(TenancyCommand.USAGE);
        assertThat(run("create-domain", "--schema=tenant_alpha", "--domain=bad_host.example.com").err())
                .contains("not a valid host name");
        assertThat(run("create-domain", "--schema=Tenant-Alpha", "--domain=gamma.example.com").exitCode())
                .isEqualTo(TenancyCommand.USAGE);
        assertThat(run("create-domain", "--schema=tenant_alpha").err())
                .contains("Give either --domain=HOST or --subdomain=LABEL.");
        assertThat(run("create-domain", "--schema=tenant_alpha", "--subdomain=gamma", "--domain=gamma.example.com")
                .exitCode()).isEqualTo(TenancyCommand.USAGE);
        assertThat(domainCount()).isEqualTo(before);
    }

    @Test
    void createDomainWithASubdomainAddsTheDomainSuffixAndIsAudited() {
        CommandRun run = run("create-domain", "--schema=tenant_alpha", "--subdomain=alpha-dev");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Added alpha-dev.localhost to tenant_alpha.");
        assertThat(directory.resolve("alpha-dev.localhost")).map(tenant -> tenant.schema().value())
                .contains("tenant_alpha");
        assertThat(jdbc.queryForList("SELECT actor FROM public.tenancy_audit WHERE action = 'ADD_DOMAIN' "
                + "AND details ->> 'domain' = 'alpha-dev.localhost'", String.class))
                .containsExactly("command:" + System.getProperty("user.name"));
        assertThat(run("delete-domain", "--domain=alpha-dev.localhost").exitCode()).isZero();
    }

    @Test
    void createDomainFailsForATakenHostOrAnUnknownTenant() {
        int before = domainCount();
        CommandRun taken = run("create-domain", "--schema=tenant_beta", "--domain=alpha.example.com");
        assertThat(taken.exitCode()).isEqualTo(TenancyCommand.FAILURE);
        assertThat(taken.err()).contains("'alpha.example.com' is already registered");

        CommandRun unknown = run("create-domain", "--schema=tenant_nobody", "--domain=nobody.example.com");
        assertThat(unknown.exitCode()).isEqualTo(TenancyCommand.FAILURE);
        assertThat(unknown.err()).contains("No tenant has the schema 'tenant_nobody'.");
        assertThat(domainCount()).isEqualTo(before);
    }

    @Test
    void deleteDomainRemovesTheHostAndForgetsItsCachedTenant() throws Exception {
        assertThat(run("create-domain", "--schema=tenant_alpha", "--domain=alpha-old.example.com").exitCode())
                .isZero();
        mvc.perform(get("/notes").header("Host", "alpha-old.example.com")).andExpect(status().isOk());

        CommandRun run = run("delete-domain", "--domain=alpha-old.example.com");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Removed alpha-old.example.com.");
        assertThat(directory.resolve("alpha-old.example.com")).isEmpty();
        mvc.perform(get("/notes").header("Host", "alpha-old.example.com")).andExpect(status().isNotFound());
    }

    @Test
    void deleteDomainFailsForAHostNoTenantHas() {
        CommandRun run = run("delete-domain", "--domain=never.example.com");
        assertThat(run.exitCode()).isEqualTo(TenancyCommand.FAILURE);
        assertThat(run.err()).contains("'never.example.com' is not registered");
        assertThat(run("delete-domain").exitCode()).isEqualTo(TenancyCommand.USAGE);
    }
}
