package dev.tenancy.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.sample.SampleFixture.Credentials;
import dev.tenancy.sample.SampleFixture.TestTenant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

/**
 * The requirements' "each tenant has isolated database schema", "subdomain routing works correctly" and "users in one
 * tenant cannot access another tenant's data", over real HTTP.
 */
@SampleAppTest
class TenantIsolationTest {

    @Autowired
    SampleFixture fixture;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachTenantKeepsItsUsersInItsOwnSchema() {
        TestTenant acme = fixture.tenant("acme");
        TestTenant globex = fixture.tenant("globex");
        Credentials john = fixture.user(acme, "john");

        assertThat(jdbc.queryForList("SELECT username FROM " + acme.schema() + ".app_users ORDER BY id",
                String.class)).containsExactly(acme.admin().username(), john.username());
        assertThat(jdbc.queryForList("SELECT username FROM " + globex.schema() + ".app_users", String.class))
                .containsExactly(globex.admin().username());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM public.app_users WHERE username IN (?, ?)",
                Integer.class, acme.admin().username(), john.username())).isZero();
    }

    @Test
    void aRequestIsServedByTheTenantItsHostNames() {
        TestTenant acme = fixture.tenant("acme");
        TestTenant globex = fixture.tenant("globex");
        SampleClient client = fixture.client();

        SampleClient.Response me = client.on(acme.host()).as(acme.admin().username(), acme.admin().password())
                .get("/api/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("site").asString()).isEqualTo(acme.host());
        assertThat(me.json().path("role").asString()).isEqualTo("tenant_super_admin");
        assertThat(client.on(globex.host()).as(globex.admin().username(), globex.admin().password())
                .get("/api/users/").json().findValuesAsString("username"))
                .containsExactly(globex.admin().username());
    }

    @Test
    void aUserOfOneTenantCannotSignInOnAnother() {
        TestTenant acme = fixture.tenant("acme");
        TestTenant globex = fixture.tenant("globex");
        Credentials john = fixture.user(acme, "john");
        SampleClient client = fixture.client();

        SampleClient.Response asJohn = client.on(globex.host()).as(john.username(), john.password()).get("/api/me");
        SampleClient.Response asAcmeAdmin = client.on(globex.host())
                .as(acme.admin().username(), acme.admin().password()).get("/api/users/");

        assertThat(asJohn.status()).isEqualTo(401);
        assertThat(asJohn.error()).contains("Unknown username or wrong password");
        assertThat(asAcmeAdmin.status()).isEqualTo(401);
        assertThat(asAcmeAdmin.body()).doesNotContain(acme.schema()).doesNotContain(globex.schema());
    }

    @Test
    void theSameUsernameInTwoTenantsIsTwoAccounts() {
        TestTenant acme = fixture.tenant("acme");
        TestTenant globex = fixture.tenant("globex");
        String username = Names.username("pat");
        SampleClient client = fixture.client();
        client.on(acme.host()).as(acme.admin().username(), acme.admin().password()).post("/api/users/",
                Map.of("username", username, "email", "pat@acme.example", "password", "acme-secret"));
        client.on(globex.host()).as(globex.admin().username(), globex.admin().password()).post("/api/users/",
                Map.of("username", username, "email", "pat@globex.example", "password", "globex-secret"));

        assertThat(client.on(acme.host()).as(username, "acme-secret").get("/api/me").json().path("email")
                .asString()).isEqualTo("pat@acme.example");
        assertThat(client.on(globex.host()).as(username, "acme-secret").get("/api/me").status()).isEqualTo(401);
        assertThat(client.on(globex.host()).as(username, "globex-secret").get("/api/me").json().path("email")
                .asString()).isEqualTo("pat@globex.example");
    }

    @Test
    void theSuperSuperAdminIsUnknownOnTenantHosts() {
        Credentials root = fixture.superSuperAdmin();
        TestTenant acme = fixture.tenant("acme");

        SampleClient.Response response = fixture.client().on(acme.host()).as(root.username(), root.password())
                .get("/api/users/");

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void aHostOfNoTenantIsNotFound() {
        SampleClient.Response response = fixture.client().on(Names.subdomain("nobody") + ".localhost")
                .get("/api/me");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error()).isEqualTo("No tenant is served at this address.");
    }

    @Test
    void aTenantSessionIsNotValidOnAnotherTenantsHost() {
        TestTenant acme = fixture.tenant("acme");
        TestTenant globex = fixture.tenant("globex");
        String session = BrowserLogin.signIn(fixture.client(), acme.host(), acme.admin());

        assertThat(fixture.client().on(acme.host()).cookie(session).get("/api/me").status()).isEqualTo(200);
        assertThat(fixture.client().on(globex.host()).cookie(session).get("/api/me").status()).isEqualTo(401);
        assertThat(fixture.client().on("localhost").cookie(session).get("/api/me").status()).isEqualTo(401);
    }
}
