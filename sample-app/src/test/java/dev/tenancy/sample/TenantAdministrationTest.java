package dev.tenancy.sample;

import static dev.tenancy.sample.SampleFixture.admin;
import static dev.tenancy.sample.SampleFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.sample.SampleFixture.Credentials;
import dev.tenancy.test.TenantClient;
import dev.tenancy.test.TenantSchema;
import dev.tenancy.test.TestTenant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;

/**
 * The platform's tenant API: a super super admin manages every tenant (list, filter, search, read, change,
 * deactivate); a tenant super admin only their own tenant, and not through this API.
 */
@SampleAppTest
class TenantAdministrationTest {

    @Autowired
    SampleFixture fixture;

    /** The schemas of the tenants {@code GET /api/admin/tenants/<query>} lists. */
    private static List<String> schemas(TenantClient root, String query) {
        List<String> schemas = new ArrayList<>();
        root.get("/api/admin/tenants/" + query).expectStatus().isOk().expectBody()
                .jsonPath("$[*].schema_name").value((List<String> names) -> schemas.addAll(names));
        return schemas;
    }

    @Test
    void theSuperSuperAdminListsFiltersAndSearchesTenants(TenantClient acme,
            @TenantSchema(SampleAppTest.GLOBEX) TestTenant globex) {
        TenantClient root = fixture.asRoot(acme);
        root.patch("/api/admin/tenants/" + globex.id(), json("subscription_plan", "enterprise")).expectStatus().isOk();

        assertThat(schemas(root, "")).contains(SampleAppTest.ACME, SampleAppTest.GLOBEX);
        assertThat(schemas(root, "?subscription_plan=enterprise")).contains(SampleAppTest.GLOBEX)
                .doesNotContain(SampleAppTest.ACME);
        assertThat(schemas(root, "?search=ANVILS")).containsExactly(SampleAppTest.ACME);
        assertThat(schemas(root, "?search=admin@globex.example.com")).containsExactly(SampleAppTest.GLOBEX);
        assertThat(schemas(root, "?search=" + SampleAppTest.ACME)).containsExactly(SampleAppTest.ACME);
    }

    @Test
    void aTenantShowsTheRequirementsFields(TenantClient acme, TestTenant acmeTenant) {
        fixture.asRoot(acme).get("/api/admin/tenants/" + acmeTenant.id() + "/").expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("Acme Anvils")
                .jsonPath("$.schema_name").isEqualTo(SampleAppTest.ACME)
                .jsonPath("$.domain").isEqualTo("acme.localhost")
                .jsonPath("$.max_users").isEqualTo(50)
                .jsonPath("$.is_active").isEqualTo(true)
                .jsonPath("$.subscription_plan").isEqualTo("basic")
                .jsonPath("$.contact_email").isEqualTo(admin(acme).username())
                .jsonPath("$.contact_phone").hasJsonPath()
                .jsonPath("$.created_on").isNotEmpty()
                .jsonPath("$.updated_on").isNotEmpty();
    }

    @Test
    void theSuperSuperAdminChangesPlanLimitAndContact(TenantClient acme, TestTenant acmeTenant) {
        fixture.asRoot(acme).patch("/api/admin/tenants/" + acmeTenant.id() + "/", json("subscription_plan",
                "professional", "max_users", 10, "contact_phone", "+41 44 000 00 00"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.subscription_plan").isEqualTo("professional")
                .jsonPath("$.max_users").isEqualTo(10)
                .jsonPath("$.contact_phone").isEqualTo("+41 44 000 00 00");
    }

    @Test
    void aDeactivatedTenantsHostsAreRefusedUntilItIsActivatedAgain(TenantClient acme, TestTenant acmeTenant) {
        TenantClient root = fixture.asRoot(acme);
        TenantClient asAdmin = admin(acme).on(acme);
        asAdmin.get("/api/me").expectStatus().isOk();

        root.delete("/api/admin/tenants/" + acmeTenant.id() + "/").expectStatus().isOk().expectBody()
                .jsonPath("$.is_active").isEqualTo(false);
        asAdmin.get("/api/me").expectStatus().isForbidden().expectBody()
                .jsonPath("$.error").isEqualTo("This tenant is not active.");
        assertThat(schemas(root, "?is_active=false")).contains(SampleAppTest.ACME);

        root.patch("/api/admin/tenants/" + acmeTenant.id(), json("is_active", true)).expectStatus().isOk();
        asAdmin.get("/api/me").expectStatus().isOk();
    }

    @Test
    void aTenantSuperAdminCannotUseThePlatformApi(TenantClient acme) {
        TenantClient asAdmin = admin(acme).on(acme);

        asAdmin.get("/api/admin/tenants/").expectStatus().isForbidden().expectBody()
                .jsonPath("$.error").value((String error) -> assertThat(error)
                        .startsWith("This endpoint is served on the platform host only"));
        asAdmin.withHost("localhost").get("/api/admin/tenants/").expectStatus().isUnauthorized();
    }

    @Test
    void aPublicUserWhoIsNoSuperSuperAdminIsForbidden(TenantClient acme) {
        Credentials plain = new Credentials(Names.username("plain"), "plain-password");
        fixture.publicUser(plain);

        plain.on(acme.withHost("localhost")).get("/api/admin/tenants/").expectStatus().isForbidden().expectBody()
                .jsonPath("$.error").isEqualTo("Only a super super admin can manage tenants.");
    }

    @Test
    void badChangesAndUnknownTenantsAreRefused(TenantClient acme, TestTenant acmeTenant) {
        TenantClient root = fixture.asRoot(acme);

        root.patch("/api/admin/tenants/" + acmeTenant.id(), json("subscription_plan", "platinum"))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.error").isEqualTo("subscription_plan must be one of basic, professional, enterprise.");
        root.patch("/api/admin/tenants/" + acmeTenant.id(), json("max_users", 0))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.error").isEqualTo("max_users must be at least 1.");
        root.get("/api/admin/tenants/999999999").expectStatus().isNotFound();
        root.get("/api/admin/tenants/?is_active=maybe").expectStatus().isBadRequest();
    }
}
