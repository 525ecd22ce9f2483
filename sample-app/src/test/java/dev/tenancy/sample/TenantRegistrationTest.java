package dev.tenancy.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.boot.cli.CommandDispatcher;
import dev.tenancy.sample.SampleFixture.Credentials;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The requirements' "can create new tenants via API or admin": {@code POST /api/admin/tenants/} and the
 * {@code register-tenant} command each create the tenant row, its domain, its schema (migrated) and its super admin,
 * who can then sign in on the new host.
 */
@SampleAppTest
class TenantRegistrationTest {

    @Autowired
    SampleFixture fixture;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandDispatcher commands;

    private Map<String, Object> application(String subdomain) {
        Map<String, Object> body = new HashMap<>();
        body.put("company_name", "Acme Corp");
        body.put("subdomain", subdomain);
        body.put("admin_email", "admin@" + subdomain + ".example.com");
        body.put("admin_password", "secure_password");
        body.put("subscription_plan", "professional");
        return body;
    }

    @Test
    void theSuperSuperAdminCreatesATenantThroughTheApi() {
        Credentials root = fixture.superSuperAdmin();
        String subdomain = Names.subdomain("acme");
        SampleClient client = fixture.client();

        SampleClient.Response created = client.on("localhost").as(root.username(), root.password())
                .post("/api/admin/tenants/", application(subdomain));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("status").asString()).isEqualTo("success");
        assertThat(created.json().path("tenant_id").asLong()).isPositive();
        String schema = "tenant_" + subdomain.replace('-', '_');
        assertThat(created.json().path("schema_name").asString()).isEqualTo(schema);
        assertThat(created.json().path("domain").asString()).isEqualTo(subdomain + ".localhost");
        assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = ?",
                String.class, schema)).contains("app_users", "tenant_super_admins", "flyway_schema_history");
        assertThat(jdbc.queryForObject("SELECT subscription_plan FROM public.tenants WHERE schema_name = ?",
                String.class, schema)).isEqualTo("professional");
        SampleClient.Response me = client.on(subdomain + ".localhost")
                .as("admin@" + subdomain + ".example.com", "secure_password").get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("role").asString()).isEqualTo("tenant_super_admin");
        assertThat(me.body()).doesNotContain(schema);
        assertThat(jdbc.queryForList("SELECT actor || ' ' || outcome FROM public.tenancy_audit WHERE schema_name = ?",
                String.class, schema)).containsExactly(root.username() + " SUCCESS");
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        Credentials root = fixture.superSuperAdmin();
        String subdomain = Names.subdomain("hashed");
        fixture.client().on("localhost").as(root.username(), root.password())
                .post("/api/admin/tenants/", application(subdomain));

        String stored = jdbc.queryForObject("SELECT password FROM tenant_" + subdomain.replace('-', '_')
                + ".app_users", String.class);

        assertThat(stored).startsWith("{bcrypt}$2").doesNotContain("secure_password");
    }

    @Test
    void aTakenSubdomainIsAConflictWhateverItsCase() {
        Credentials root = fixture.superSuperAdmin();
        String subdomain = Names.subdomain("taken");
        SampleClient.Call asRoot = fixture.client().on("localhost").as(root.username(), root.password());
        asRoot.post("/api/admin/tenants/", application(subdomain));

        SampleClient.Response again = asRoot.post("/api/admin/tenants/", application(subdomain.toUpperCase()));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("The subdomain '" + subdomain + "' is taken. Choose another.");
    }

    @Test
    void aSchemaNoTenantOwnsIsNeverTakenOver() {
        Credentials root = fixture.superSuperAdmin();
        String subdomain = Names.subdomain("stray");
        String schema = "tenant_" + subdomain.replace('-', '_');
        jdbc.execute("CREATE SCHEMA " + schema);
        jdbc.execute("CREATE TABLE " + schema + ".precious (id int)");

        SampleClient.Response response = fixture.client().on("localhost").as(root.username(), root.password())
                .post("/api/admin/tenants/", application(subdomain));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body()).doesNotContain(schema);
        assertThat(jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, schema + ".precious"))
                .isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM public.tenants WHERE schema_name = ?", Integer.class,
                schema)).isZero();
    }

    @Test
    void anInvalidApplicationIsRefusedWithEveryProblemAndCreatesNothing() {
        Credentials root = fixture.superSuperAdmin();
        Map<String, Object> body = application("-bad-");
        body.put("company_name", "");
        body.put("admin_email", "nobody");
        body.put("subscription_plan", "gold");

        SampleClient.Response response = fixture.client().on("localhost").as(root.username(), root.password())
                .post("/api/admin/tenants/", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).contains("company_name").contains("subdomain").contains("admin_email")
                .contains("subscription_plan");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM public.tenants WHERE schema_name = 'tenant__bad_'",
                Integer.class)).isZero();
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        Credentials root = fixture.superSuperAdmin();

        SampleClient.Response response = fixture.client().on("localhost").as(root.username(), root.password())
                .post("/api/admin/tenants/", "{not json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).startsWith("The request body must be a JSON object");
    }

    @Test
    void creatingTenantsNeedsCredentialsOfTheSuperSuperAdmin() {
        String subdomain = Names.subdomain("anon");

        SampleClient.Response response = fixture.client().on("localhost").post("/api/admin/tenants/",
                application(subdomain));

        assertThat(response.status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM public.tenants WHERE schema_name = ?", Integer.class,
                "tenant_" + subdomain.replace('-', '_'))).isZero();
    }

    @Test
    void theRegisterTenantCommandCreatesATenantAndPrintsIt() {
        String subdomain = Names.subdomain("demo");
        Output output = new Output();

        int exit = commands.execute(List.of("register-tenant", "--name=Demo Corp", "--subdomain=" + subdomain,
                "--admin-email=demo@example.com", "--admin-password=demo123"), output.out, output.err);

        assertThat(exit).isZero();
        String schema = "tenant_" + subdomain.replace('-', '_');
        assertThat(output.out()).contains("Tenant created successfully!", "Schema: " + schema,
                "Domain: " + subdomain + ".localhost", "Admin: demo@example.com");
        assertThat(output.err()).contains("shell history");
        assertThat(fixture.client().on(subdomain + ".localhost").as("demo@example.com", "demo123")
                .get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void theRegisterTenantCommandRefusesATakenSubdomain() {
        String subdomain = Names.subdomain("twice");
        List<String> command = List.of("register-tenant", "--name=Twice", "--subdomain=" + subdomain,
                "--admin-email=twice@example.com", "--admin-password=pw");
        commands.execute(command, new Output().out, new Output().err);
        Output output = new Output();

        int exit = commands.execute(command, output.out, output.err);

        assertThat(exit).isEqualTo(1);
        assertThat(output.err()).contains("The subdomain '" + subdomain + "' is taken.");
    }

    @Test
    void theRegisterTenantCommandRefusesABadSubdomainAsAUsageError() {
        Output output = new Output();

        int exit = commands.execute(List.of("register-tenant", "--name=Bad", "--subdomain=no_underscores",
                "--admin-email=bad@example.com", "--admin-password=pw"), output.out, output.err);

        assertThat(exit).isEqualTo(2);
        assertThat(output.err()).contains("subdomain is required", "Usage: register-tenant");
    }

    /** Captures what a command prints. */
    static final class Output {
        private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

        String out() {
            return outBytes.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return errBytes.toString(StandardCharsets.UTF_8);
        }
    }
}
