package dev.tenancy.sample.admin;

import static dev.tenancy.sample.SampleFixture.admin;
import static dev.tenancy.sample.admin.AdminPages.body;
import static dev.tenancy.sample.admin.AdminPages.page;
import static dev.tenancy.sample.admin.AdminPages.signIn;
import static dev.tenancy.sample.admin.AdminPages.submit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.sample.Names;
import dev.tenancy.sample.SampleAppTest;
import dev.tenancy.sample.SampleFixture;
import dev.tenancy.test.TenantClient;
import dev.tenancy.test.TenantSchema;
import dev.tenancy.test.TestTenant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The platform's admin pages over HTTP, for the super super admin on the platform host: signing in, the tenant list
 * with its search, filters and sorting, creating a tenant (and the errors shown next to their fields), a tenant's
 * page, deactivation, domains and the audit log.
 */
@SampleAppTest
class PlatformAdminPagesTest {

    @Autowired
    SampleFixture fixture;

    private TenantClient root(TenantClient any) {
        return signIn(any.withHost("localhost"), fixture.root());
    }

    @Test
    void aBrowserThatIsNotSignedInIsSentToTheAdminSignInForm(TenantClient acme) {
        acme.withHost("localhost").rest().get().uri("/admin/tenants").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).endsWith("/admin/login"));
    }

    @Test
    void theSuperSuperAdminSeesEveryTenantWithTheRequirementsColumns(TenantClient acme) {
        TenantClient root = root(acme);

        root.rest().get().uri("/admin/").exchange().expectStatus().isFound().expectHeader()
                .value(HttpHeaders.LOCATION, location -> assertThat(location).endsWith("/admin/tenants"));
        String list = page(root, "/admin/tenants");

        assertThat(list).contains("Acme Anvils", SampleAppTest.ACME, "Globex Corporation", SampleAppTest.GLOBEX)
                .contains(">Name", ">Schema", ">Active", ">Plan", ">Created")
                .contains("href=\"/admin/tenants?sort=name&amp;dir=asc\"");
    }

    @Test
    void theListIsSearchedFilteredAndSorted(TenantClient acme, @TenantSchema(SampleAppTest.GLOBEX) TestTenant globex) {
        TenantClient root = root(acme);
        submit(root, "/admin/tenants/" + globex.id(), "/admin/tenants/" + globex.id(), "name", "Globex Corporation",
                "subscriptionPlan", "enterprise", "maxUsers", "50", "contactEmail", "admin@globex.example.com",
                "contactPhone", "").expectStatus().isFound();

        assertThat(page(root, "/admin/tenants?q=ANVILS")).contains("Acme Anvils").doesNotContain("Globex");
        assertThat(page(root, "/admin/tenants?q=admin@globex.example.com")).contains("Globex")
                .doesNotContain("Acme Anvils");
        assertThat(page(root, "/admin/tenants?q=" + SampleAppTest.ACME)).contains("Acme Anvils")
                .doesNotContain("Globex");
        assertThat(page(root, "/admin/tenants?plan=enterprise")).contains("Globex").doesNotContain("Acme Anvils");
        assertThat(page(root, "/admin/tenants?active=no")).doesNotContain("Globex", "Acme Anvils");
        assertThat(page(root, "/admin/tenants?created=today&q=a")).contains("Globex", "Acme Anvils");
        String byName = page(root, "/admin/tenants?sort=name&dir=asc");
        assertThat(byName.indexOf("Acme Anvils")).isLessThan(byName.indexOf("Globex Corporation"));
        String byNameDescending = page(root, "/admin/tenants?sort=name&dir=desc");
        assertThat(byNameDescending.indexOf("Globex Corporation")).isLessThan(byNameDescending.indexOf("Acme Anvils"));
    }

    @Test
    void aTenantCreatedWithTheFormIsProvisionedAndAudited(TenantClient acme) {
        TenantClient root = root(acme);
        String subdomain = Names.subdomain("web");
        String schema = "tenant_" + subdomain.replace('-', '_');

        String location = submit(root, "/admin/tenants/new", "/admin/tenants/new", "companyName", "Web Made",
                "subdomain", subdomain, "adminEmail", "boss@" + subdomain + ".example.com", "adminPassword",
                "boss-password", "subscriptionPlan", "professional").expectStatus().isFound()
                .returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);

        assertThat(location).matches(".*/admin/tenants/\\d+");
        assertThat(page(root, location.substring(location.indexOf("/admin/"))))
                .contains("Tenant created: " + subdomain + ".localhost", "Web Made", schema, "professional");
        assertThat(page(root, "/admin/audit?tenant=" + schema)).contains("CREATE", "SUCCESS",
                fixture.root().username());
        acme.withHost(subdomain + ".localhost").withBasicAuth("boss@" + subdomain + ".example.com", "boss-password")
                .get("/api/me").expectStatus().isOk();
    }

    @Test
    void aRefusedTenantShowsEachErrorNextToItsField(TenantClient acme) {
        TenantClient root = root(acme);

        String taken = body(submit(root, "/admin/tenants/new", "/admin/tenants/new", "companyName", "Acme Again",
                "subdomain", "ACME", "adminEmail", "x@acme.example.com", "adminPassword", "pw",
                "subscriptionPlan", "basic").expectStatus().isBadRequest());
        String invalid = body(submit(root, "/admin/tenants/new", "/admin/tenants/new", "companyName", "",
                "subdomain", "no_underscores", "adminEmail", "nobody", "adminPassword", "pw",
                "subscriptionPlan", "basic").expectStatus().isBadRequest());

        assertThat(taken).contains("id=\"subdomain-error\">The subdomain &#39;acme&#39; is taken. Choose another.")
                .contains("value=\"Acme Again\"");
        assertThat(invalid).contains("id=\"companyName-error\">company_name is required")
                .contains("id=\"subdomain-error\">subdomain is required")
                .contains("id=\"adminEmail-error\">admin_email must be an e-mail address")
                .doesNotContain("id=\"adminPassword-error\"");
    }

    @Test
    void whatUsersTypedIsEscaped(TenantClient acme, TestTenant acmeTenant) {
        TenantClient root = root(acme);
        submit(root, "/admin/tenants/" + acmeTenant.id(), "/admin/tenants/" + acmeTenant.id(), "name",
                "<script>alert(1)</script>", "subscriptionPlan", "basic", "maxUsers", "50", "contactEmail", "",
                "contactPhone", "").expectStatus().isFound();

        assertThat(page(root, "/admin/tenants?q=script")).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>");
    }

    @Test
    void aTenantsPageChangesItsSettingsAndShowsBadInputAsAMessage(TenantClient acme, TestTenant acmeTenant) {
        TenantClient root = root(acme);
        String path = "/admin/tenants/" + acmeTenant.id();

        submit(root, path, path, "name", "Acme Anvils", "subscriptionPlan", "enterprise", "maxUsers", "7",
                "contactEmail", "ops@acme.example.com", "contactPhone", "+41 44 000 00 00").expectStatus().isFound();
        String refused = body(submit(root, path, path, "name", "Acme Anvils", "subscriptionPlan", "basic",
                "maxUsers", "many", "contactEmail", "", "contactPhone", "").expectStatus().isBadRequest());

        assertThat(page(root, path)).contains("value=\"7\"", "ops@acme.example.com", "+41 44 000 00 00",
                SampleAppTest.ACME, "acme.localhost");
        assertThat(refused).contains("max_users must be a whole number, at least 1.");
    }

    @Test
    void aDeactivatedTenantIsRefusedUntilActivatedAgain(TenantClient acme, TestTenant acmeTenant) {
        TenantClient root = root(acme);
        String path = "/admin/tenants/" + acmeTenant.id();

        submit(root, path, path + "/deactivate").expectStatus().isFound();
        admin(acme).on(acme).get("/api/me").expectStatus().isForbidden();
        assertThat(page(root, "/admin/tenants?active=no")).contains("Acme Anvils");

        submit(root, path, path + "/activate").expectStatus().isFound();
        admin(acme).on(acme).get("/api/me").expectStatus().isOk();
    }

    @Test
    void domainsAreAddedMadePrimaryListedAndRemoved(TenantClient acme, TestTenant acmeTenant) {
        TenantClient root = root(acme);
        String path = "/admin/tenants/" + acmeTenant.id();
        String shop = Names.subdomain("shop") + ".localhost";

        submit(root, path, "/admin/domains/add", "tenantId", Long.toString(acmeTenant.id()), "domain", shop)
                .expectStatus().isFound();
        assertThat(page(root, "/admin/domains?q=" + shop)).contains(shop, "Acme Anvils");
        assertThat(page(root, "/admin/domains?primary=yes&q=acme")).contains("acme.localhost").doesNotContain(shop);
        acme.withHost(shop).withBasicAuth(admin(acme).username(), admin(acme).password()).get("/api/me")
                .expectStatus().isOk();

        submit(root, path, "/admin/domains/primary", "domain", shop).expectStatus().isFound();
        assertThat(page(root, "/admin/domains?primary=yes&q=acme")).contains(shop)
                .doesNotContain(">acme.localhost<");

        submit(root, "/admin/domains", "/admin/domains/remove", "domain", shop, "from", "list")
                .expectStatus().isFound();
        assertThat(page(root, "/admin/domains?q=acme")).contains(">acme.localhost<")
                .doesNotContain(">" + shop + "<");
        acme.withHost(shop).get("/api/me").expectStatus().isNotFound();
        assertThat(page(root, "/admin/audit?tenant=" + SampleAppTest.ACME)).contains("ADD_DOMAIN", "REMOVE_DOMAIN");
    }

    @Test
    void aTakenDomainIsShownAsAMessageOnTheTenantsPage(TenantClient acme, TestTenant acmeTenant) {
        TenantClient root = root(acme);
        String path = "/admin/tenants/" + acmeTenant.id();

        submit(root, path, "/admin/domains/add", "tenantId", Long.toString(acmeTenant.id()), "domain",
                "globex.localhost").expectStatus().isFound();

        assertThat(page(root, path)).contains("The domain &#39;globex.localhost&#39; is already registered.");
    }

    @Test
    void aFormWithoutTheSessionsTokenChangesNothing(TenantClient acme, TestTenant acmeTenant) {
        TenantClient root = root(acme);

        String refused = body(root.rest().post().uri("/admin/tenants/" + acmeTenant.id() + "/deactivate")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body("").exchange().expectStatus().isForbidden());

        assertThat(refused).contains("This form has expired");
        admin(acme).on(acme).get("/api/me").expectStatus().isOk();
    }

    @Test
    void aPlatformUserWithoutTheRoleSeesThatTheyHaveNoAdminRights(TenantClient acme) {
        SampleFixture.Credentials clerk = new SampleFixture.Credentials(Names.username("clerk"), "clerk-password");
        fixture.publicUser(clerk);
        TenantClient session = signIn(acme.withHost("localhost"), clerk);

        String page = body(session.rest().get().uri("/admin/").exchange().expectStatus().isForbidden());
        String tenants = body(session.rest().get().uri("/admin/tenants").exchange().expectStatus().isForbidden());

        assertThat(page).contains("No admin rights").doesNotContain("Acme");
        assertThat(tenants).contains("No admin rights").doesNotContain("Acme");
    }
}
