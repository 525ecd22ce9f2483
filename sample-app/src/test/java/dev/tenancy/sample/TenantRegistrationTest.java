package dev.tenancy.sample;

import static dev.tenancy.sample.SampleFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.boot.cli.CommandDispatcher;
import dev.tenancy.sample.SampleFixture.Credentials;
import dev.tenancy.test.TenantClient;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;

/**
 * The requirements' "can create new tenants via API or admin": {@code POST /api/admin/tenants/} and the
 * {@code register-tenant} command each create the tenant row, its domain, its schema (migrated) and its super admin,
 * who can then sign in on the new host. These tests create their tenants through the application, under names no
 * other test uses ({@link Names}); the test tenants only lend their client to reach the platform host.
 */
@SampleAppTest
class TenantRegistrationTest {

    @Autowired
    SampleFixture fixture;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandDispatcher commands;

    private static String application(String subdomain) {
        return application("Wayne Enterprises", subdomain, "admin@" + subdomain + ".example.com", "professional");
    }

    private static String application(String companyName, String subdomain, String adminEmail, String plan) {
        return json("company_name", companyName, "subdomain", subdomain, "admin_email", adminEmail,
                "admin_password", "secure_password", "subscription_plan", plan);
    }

    private static String schemaOf(String subdomain) {
        return "tenant_" + subdomain.replace('-', '_');
    }

    private int tenantsWithSchema(String schema) {
        return jdbc.queryForObject("SELECT count(*) FROM public.tenants WHERE schema_name = ?", Integer.class, schema);
    }

    @Test
    void theSuperSuperAdminCreatesATenantThroughTheApi(TenantClient client) {
        String subdomain = Names.subdomain("wayne");
        String schema = schemaOf(subdomain);

        fixture.asRoot(client).post("/api/admin/tenants/", application(subdomain))
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.status").isEqualTo("success")
                .jsonPath("$.tenant_id").value((Integer id) -> assertThat(id).isPositive())
                .jsonPath("$.schema_name").isEqualTo(schema)
                .jsonPath("$.domain").isEqualTo(subdomain + ".localhost");

        assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = ?",
                String.class, schema)).contains("app_users", "tenant_super_admins", "flyway_schema_history");
        assertThat(jdbc.queryForObject("SELECT subscription_plan FROM public.tenants WHERE schema_name = ?",
                String.class, schema)).isEqualTo("professional");
        byte[] me = client.withHost(subdomain + ".localhost")
                .withBasicAuth("admin@" + subdomain + ".example.com", "secure_password")
                .get("/api/me").expectStatus().isOk().expectBody()
                .jsonPath("$.role").isEqualTo("tenant_super_admin")
                .returnResult().getResponseBody();
        assertThat(new String(me, StandardCharsets.UTF_8)).doesNotContain(schema);
        assertThat(jdbc.queryForList("SELECT actor || ' ' || outcome FROM public.tenancy_audit WHERE schema_name = ?",
                String.class, schema)).containsExactly(fixture.root().username() + " SUCCESS");
    }

    @Test
    void passwordsAreStoredAsBcryptHashes(TenantClient client) {
        String subdomain = Names.subdomain("hashed");
        fixture.asRoot(client).post("/api/admin/tenants/", application(subdomain)).expectStatus().isCreated();

        String stored = jdbc.queryForObject("SELECT password FROM " + schemaOf(subdomain) + ".app_users",
                String.class);

        assertThat(stored).startsWith("{bcrypt}$2").doesNotContain("secure_password");
    }

    @Test
    void aTakenSubdomainIsAConflictWhateverItsCase(TenantClient client) {
        String subdomain = Names.subdomain("taken");
        TenantClient root = fixture.asRoot(client);
        root.post("/api/admin/tenants/", application(subdomain)).expectStatus().isCreated();

        root.post("/api/admin/tenants/", application(subdomain.toUpperCase())).expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.error").isEqualTo("The subdomain '" + subdomain + "' is taken. Choose another.");
    }

    @Test
    void aSchemaNoTenantOwnsIsNeverTakenOver(TenantClient client) {
        String subdomain = Names.subdomain("stray");
        String schema = schemaOf(subdomain);
        jdbc.execute("CREATE SCHEMA " + schema);
        jdbc.execute("CREATE TABLE " + schema + ".precious (id int)");

        byte[] body = fixture.asRoot(client).post("/api/admin/tenants/", application(subdomain))
                .expectStatus().isEqualTo(409).expectBody().returnResult().getResponseBody();

        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain(schema);
        assertThat(jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, schema + ".precious"))
                .isTrue();
        assertThat(tenantsWithSchema(schema)).isZero();
    }

    @Test
    void anInvalidApplicationIsRefusedWithEveryProblemAndCreatesNothing(TenantClient client) {
        fixture.asRoot(client).post("/api/admin/tenants/", application("", "-bad-", "nobody", "gold"))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.error").value((String error) -> assertThat(error).contains("company_name")
                        .contains("subdomain").contains("admin_email").contains("subscription_plan"));

        assertThat(tenantsWithSchema("tenant__bad_")).isZero();
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest(TenantClient client) {
        fixture.asRoot(client).post("/api/admin/tenants/", "{not json").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.error").value((String error) -> assertThat(error)
                        .startsWith("The request body must be a JSON object"));
    }

    @Test
    void creatingTenantsNeedsCredentialsOfTheSuperSuperAdmin(TenantClient client) {
        String subdomain = Names.subdomain("anon");

        client.withHost("localhost").post("/api/admin/tenants/", application(subdomain))
                .expectStatus().isUnauthorized();

        assertThat(tenantsWithSchema(schemaOf(subdomain))).isZero();
    }

    @Test
    void theRegisterTenantCommandCreatesATenantAndPrintsIt(TenantClient client) {
        String subdomain = Names.subdomain("demo");

        CommandRun run = CommandRun.of(commands, "register-tenant", "--name=Demo Corp", "--subdomain=" + subdomain,
                "--admin-email=demo@example.com", "--admin-password=demo123");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Tenant created successfully!", "Schema: " + schemaOf(subdomain),
                "Domain: " + subdomain + ".localhost", "Admin: demo@example.com");
        assertThat(run.err()).contains("shell history");
        new Credentials("demo@example.com", "demo123").on(client.withHost(subdomain + ".localhost"))
                .get("/api/me").expectStatus().isOk();
    }

    @Test
    void theRegisterTenantCommandTakesOptionsAsTheRequirementsWriteThem() {
        String subdomain = Names.subdomain("spaced");

        CommandRun run = CommandRun.of(commands, "register-tenant", "--name", "Spaced Corp", "--subdomain",
                subdomain, "--admin-email", "spaced@example.com", "--admin-password", "spaced123", "--plan",
                "enterprise");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(jdbc.queryForObject("SELECT name || ' ' || subscription_plan FROM public.tenants "
                + "WHERE schema_name = ?", String.class, schemaOf(subdomain))).isEqualTo("Spaced Corp enterprise");
    }

    @Test
    void theRegisterTenantCommandRefusesATakenSubdomain() {
        String subdomain = Names.subdomain("twice");
        String[] command = {"register-tenant", "--name=Twice", "--subdomain=" + subdomain,
            "--admin-email=twice@example.com", "--admin-password=pw"};
        CommandRun.of(commands, command);

        CommandRun again = CommandRun.of(commands, command);

        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("The subdomain '" + subdomain + "' is taken.");
    }

    @Test
    void theRegisterTenantCommandRefusesABadSubdomainAsAUsageError() {
        CommandRun run = CommandRun.of(commands, "register-tenant", "--name=Bad", "--subdomain=no_underscores",
                "--admin-email=bad@example.com", "--admin-password=pw");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("subdomain is required", "Usage: register-tenant");
    }
}
