package dev.tenancy.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.sample.SampleFixture.Credentials;
import dev.tenancy.sample.SampleFixture.TestTenant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The platform's tenant API: a super super admin manages every tenant (list, filter, search, read, change,
 * deactivate); a tenant super admin only their own tenant, and not through this API.
 */
@SampleAppTest
class TenantAdministrationTest {

    @Autowired
    SampleFixture fixture;

    private SampleClient.Call asRoot() {
        Credentials root = fixture.superSuperAdmin();
        return fixture.client().on("localhost").as(root.username(), root.password());
    }

    @Test
    void theSuperSuperAdminListsFiltersAndSearchesTenants() {
        TestTenant acme = fixture.tenant("acme");
        TestTenant globex = fixture.tenant("globex");
        SampleClient.Call root = asRoot();
        root.patch("/api/admin/tenants/" + globex.id(), Map.of("subscription_plan", "enterprise"));

        JsonNode all = root.get("/api/admin/tenants/").json();
        JsonNode enterprise = root.get("/api/admin/tenants/?subscription_plan=enterprise").json();
        JsonNode byName = root.get("/api/admin/tenants/?search=" + acme.subdomain().toUpperCase()).json();
        JsonNode byEmail = root.get("/api/admin/tenants/?search=admin@" + globex.subdomain()).json();
        JsonNode bySchema = root.get("/api/admin/tenants/?search=" + acme.schema()).json();

        assertThat(all.findValuesAsString("schema_name")).contains(acme.schema(), globex.schema());
        assertThat(enterprise.findValuesAsString("schema_name")).contains(globex.schema())
                .doesNotContain(acme.schema());
        assertThat(byName.findValuesAsString("schema_name")).containsExactly(acme.schema());
        assertThat(byEmail.findValuesAsString("schema_name")).containsExactly(globex.schema());
        assertThat(bySchema.findValuesAsString("schema_name")).containsExactly(acme.schema());
    }

    @Test
    void aTenantShowsTheRequirementsFields() {
        TestTenant acme = fixture.tenant("acme");

        SampleClient.Response response = asRoot().get("/api/admin/tenants/" + acme.id() + "/");

        assertThat(response.status()).isEqualTo(200);
        JsonNode tenant = response.json();
        assertThat(tenant.path("name").asString()).isEqualTo("acme Inc.");
        assertThat(tenant.path("schema_name").asString()).isEqualTo(acme.schema());
        assertThat(tenant.path("domain").asString()).isEqualTo(acme.host());
        assertThat(tenant.path("max_users").asInt()).isEqualTo(50);
        assertThat(tenant.path("is_active").asBoolean()).isTrue();
        assertThat(tenant.path("subscription_plan").asString()).isEqualTo("basic");
        assertThat(tenant.path("contact_email").asString()).isEqualTo(acme.admin().username());
        assertThat(tenant.has("contact_phone")).isTrue();
        assertThat(tenant.path("created_on").asString()).isNotEmpty();
        assertThat(tenant.path("updated_on").asString()).isNotEmpty();
    }

    @Test
    void theSuperSuperAdminChangesPlanLimitAndContact() {
        TestTenant acme = fixture.tenant("acme");

        SampleClient.Response changed = asRoot().patch("/api/admin/tenants/" + acme.id() + "/", Map.of(
                "subscription_plan", "professional", "max_users", 10, "contact_phone", "+41 44 000 00 00"));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("subscription_plan").asString()).isEqualTo("professional");
        assertThat(changed.json().path("max_users").asInt()).isEqualTo(10);
        assertThat(changed.json().path("contact_phone").asString()).isEqualTo("+41 44 000 00 00");
    }

    @Test
    void aDeactivatedTenantsHostsAreRefusedUntilItIsActivatedAgain() {
        TestTenant acme = fixture.tenant("acme");
        SampleClient.Call root = asRoot();
        SampleClient.Call asAdmin = fixture.client().on(acme.host()).as(acme.admin().username(),
                acme.admin().password());
        assertThat(asAdmin.get("/api/me").status()).isEqualTo(200);

        SampleClient.Response deactivated = root.delete("/api/admin/tenants/" + acme.id() + "/");
        SampleClient.Response refused = asAdmin.get("/api/me");
        SampleClient.Response inactiveOnly = root.get("/api/admin/tenants/?is_active=false");
        root.patch("/api/admin/tenants/" + acme.id(), Map.of("is_active", true));

        assertThat(deactivated.json().path("is_active").asBoolean()).isFalse();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).isEqualTo("This tenant is not active.");
        assertThat(inactiveOnly.json().findValuesAsString("schema_name")).contains(acme.schema());
        assertThat(asAdmin.get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void aTenantSuperAdminCannotUseThePlatformApi() {
        TestTenant acme = fixture.tenant("acme");
        SampleClient client = fixture.client();

        SampleClient.Response onTenantHost = client.on(acme.host())
                .as(acme.admin().username(), acme.admin().password()).get("/api/admin/tenants/");
        SampleClient.Response onPlatformHost = client.on("localhost")
                .as(acme.admin().username(), acme.admin().password()).get("/api/admin/tenants/");

        assertThat(onTenantHost.status()).isEqualTo(403);
        assertThat(onTenantHost.error()).startsWith("This endpoint is served on the platform host only");
        assertThat(onPlatformHost.status()).isEqualTo(401);
    }

    @Test
    void aPublicUserWhoIsNoSuperSuperAdminIsForbidden() {
        Credentials plain = new Credentials(Names.username("plain"), "plain-password");
        fixture.publicUser(plain);

        SampleClient.Response response = fixture.client().on("localhost").as(plain.username(), plain.password())
                .get("/api/admin/tenants/");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.error()).isEqualTo("Only a super super admin can manage tenants.");
    }

    @Test
    void badChangesAndUnknownTenantsAreRefused() {
        TestTenant acme = fixture.tenant("acme");
        SampleClient.Call root = asRoot();

        SampleClient.Response badPlan = root.patch("/api/admin/tenants/" + acme.id(),
                Map.of("subscription_plan", "platinum"));
        SampleClient.Response badLimit = root.patch("/api/admin/tenants/" + acme.id(), Map.of("max_users", 0));
        SampleClient.Response unknown = root.get("/api/admin/tenants/999999999");
        SampleClient.Response badFilter = root.get("/api/admin/tenants/?is_active=maybe");

        assertThat(badPlan.status()).isEqualTo(400);
        assertThat(badPlan.error()).isEqualTo("subscription_plan must be one of basic, professional, enterprise.");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.error()).isEqualTo("max_users must be at least 1.");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(badFilter.status()).isEqualTo(400);
    }
}
