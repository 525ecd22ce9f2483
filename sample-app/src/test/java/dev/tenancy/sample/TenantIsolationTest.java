package dev.tenancy.sample;

import static dev.tenancy.sample.SampleFixture.admin;
import static dev.tenancy.sample.SampleFixture.json;
import static dev.tenancy.sample.SampleFixture.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tenancy.boot.audit.AccessDenial;
import dev.tenancy.boot.audit.TenantAccessDeniedEvent;
import dev.tenancy.test.TenantClient;
import dev.tenancy.test.TenantSchema;
import dev.tenancy.test.TestTenant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

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

    @Autowired
    SecurityEvents securityEvents;

    private List<String> usernames(TestTenant tenant) {
        return jdbc.queryForList("SELECT username FROM " + tenant.schema().quoted() + ".app_users ORDER BY id",
                String.class);
    }

    @Test
    void eachTenantKeepsItsUsersInItsOwnSchema(TenantClient acme, TestTenant acmeTenant,
            @TenantSchema(SampleAppTest.GLOBEX) TenantClient globex,
            @TenantSchema(SampleAppTest.GLOBEX) TestTenant globexTenant) {
        admin(acme).on(acme).post("/api/users/", json("username", "pat", "email", "pat@example.com",
                "password", "pat-password")).expectStatus().isCreated();

        assertThat(usernames(acmeTenant)).containsExactly(admin(acme).username(), user(acme).username(), "pat");
        assertThat(usernames(globexTenant)).containsExactly(admin(globex).username(), user(globex).username());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM public.app_users WHERE username IN (?, ?, ?)",
                Integer.class, admin(acme).username(), user(acme).username(), "pat")).isZero();
    }

    @Test
    void aRequestIsServedByTheTenantItsHostNames(TenantClient acme,
            @TenantSchema(SampleAppTest.GLOBEX) TenantClient globex) {
        admin(acme).on(acme).get("/api/me").expectStatus().isOk().expectBody()
                .jsonPath("$.site").isEqualTo("acme.localhost")
                .jsonPath("$.role").isEqualTo("tenant_super_admin");
        admin(globex).on(globex).get("/api/users/").expectStatus().isOk().expectBody()
                .jsonPath("$[*].username").isEqualTo(List.of(admin(globex).username(), user(globex).username()));
    }

    @Test
    void aUserOfOneTenantCannotSignInOnAnother(TenantClient acme,
            @TenantSchema(SampleAppTest.GLOBEX) TenantClient globex) {
        user(acme).on(globex).get("/api/me").expectStatus().isUnauthorized().expectBody()
                .jsonPath("$.error").value((String error) -> assertThat(error)
                        .contains("Unknown username or wrong password"));
        String body = admin(acme).on(globex).get("/api/users/").expectStatus().isUnauthorized()
                .returnResult(String.class).getResponseBody();
        assertThat(body).doesNotContain(SampleAppTest.ACME).doesNotContain(SampleAppTest.GLOBEX);
    }

    @Test
    void theSameUsernameInTwoTenantsIsTwoAccounts(TenantClient acme,
            @TenantSchema(SampleAppTest.GLOBEX) TenantClient globex) {
        admin(acme).on(acme).post("/api/users/", json("username", "pat", "email", "pat@acme.example",
                "password", "acme-secret")).expectStatus().isCreated();
        admin(globex).on(globex).post("/api/users/", json("username", "pat", "email", "pat@globex.example",
                "password", "globex-secret")).expectStatus().isCreated();

        acme.withBasicAuth("pat", "acme-secret").get("/api/me").expectBody()
                .jsonPath("$.email").isEqualTo("pat@acme.example");
        globex.withBasicAuth("pat", "acme-secret").get("/api/me").expectStatus().isUnauthorized();
        globex.withBasicAuth("pat", "globex-secret").get("/api/me").expectBody()
                .jsonPath("$.email").isEqualTo("pat@globex.example");
    }

    @Test
    void theSuperSuperAdminIsUnknownOnTenantHosts(TenantClient acme) {
        fixture.root().on(acme).get("/api/users/").expectStatus().isUnauthorized();
    }

    @Test
    void aHostOfNoTenantIsNotFound(TenantClient acme) {
        acme.withHost("nobody.localhost").get("/api/me").expectStatus().isNotFound().expectBody()
                .jsonPath("$.error").isEqualTo("No tenant is served at this address.");
    }

    @Test
    void aTenantSessionIsNotValidOnAnotherTenantsHost(TenantClient acme) {
        TenantClient session = acme.login(admin(acme).username(), admin(acme).password());
        int before = securityEvents.count();

        session.get("/api/me").expectStatus().isOk();
        session.withHost("globex.localhost").get("/api/me").expectStatus().isUnauthorized();
        session.withHost("localhost").get("/api/me").expectStatus().isUnauthorized();

        assertThat(securityEvents.since(before)).extracting(TenantAccessDeniedEvent::reason,
                TenantAccessDeniedEvent::host, TenantAccessDeniedEvent::tenant,
                TenantAccessDeniedEvent::presentedTenant).containsExactly(
                tuple(AccessDenial.CROSS_TENANT_CREDENTIALS, "globex.localhost", SampleAppTest.GLOBEX,
                        SampleAppTest.ACME),
                tuple(AccessDenial.CROSS_TENANT_CREDENTIALS, "localhost", null, SampleAppTest.ACME));
    }
}
