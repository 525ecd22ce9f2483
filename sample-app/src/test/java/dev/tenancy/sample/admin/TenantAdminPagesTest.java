package dev.tenancy.sample.admin;

import static dev.tenancy.sample.SampleFixture.admin;
import static dev.tenancy.sample.SampleFixture.user;
import static dev.tenancy.sample.admin.AdminPages.body;
import static dev.tenancy.sample.admin.AdminPages.page;
import static dev.tenancy.sample.admin.AdminPages.signIn;
import static dev.tenancy.sample.admin.AdminPages.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.sample.Names;
import dev.tenancy.sample.SampleAppTest;
import dev.tenancy.sample.SampleFixture;
import dev.tenancy.sample.tenants.TenantCatalog;
import dev.tenancy.sample.tenants.TenantChanges;
import dev.tenancy.test.TenantClient;
import dev.tenancy.test.TestTenant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tenant's admin pages over HTTP, on the tenant's own host: its super admin lists, searches, creates (within
 * {@code max_users}) and deactivates its users, and sees nothing of any other tenant and no schema name; a regular
 * user is told they have no admin rights; other tenants' admins and the super super admin cannot sign in there.
 */
@SampleAppTest
class TenantAdminPagesTest {

    @Autowired
    SampleFixture fixture;

    @Autowired
    TenantCatalog catalog;

    @Test
    void theTenantSuperAdminSeesOnlyTheirTenantsUsersAndNoSchemaName(TenantClient acme) {
        TenantClient session = signIn(acme, admin(acme));

        session.rest().get().uri("/admin/").exchange().expectStatus().isFound().expectHeader()
                .value(HttpHeaders.LOCATION, location -> assertThat(location).endsWith("/admin/users"));
        String users = page(session, "/admin/users");

        assertThat(users).contains("Acme Anvils", admin(acme).username(), user(acme).username(), "2 of 50 users")
                .doesNotContain("globex", "Globex", "tenant_", "/admin/tenants");
        assertThat(page(session, "/admin/users?q=ACME-USER")).contains(user(acme).username())
                .doesNotContain("<td>" + admin(acme).username() + "</td>");
    }

    @Test
    void aUserCreatedOnThePageCanSignInOnTheTenantsHost(TenantClient acme) {
        TenantClient session = signIn(acme, admin(acme));
        String username = Names.username("jane");

        submit(session, "/admin/users", "/admin/users", "username", username, "email", "jane@example.com",
                "password", "jane-password", "firstName", "Jane", "lastName", "<Doe>").expectStatus().isFound();

        assertThat(page(session, "/admin/users")).contains(username, "Jane &lt;Doe&gt;", "3 of 50 users");
        acme.withBasicAuth(username, "jane-password").get("/api/me").expectStatus().isOk();
    }

    @Test
    void badInputAndTakenNamesAreShownNextToTheirFields(TenantClient acme) {
        TenantClient session = signIn(acme, admin(acme));

        String invalid = body(submit(session, "/admin/users", "/admin/users", "username", "no spaces", "email",
                "nobody", "password", "", "firstName", "", "lastName", "").expectStatus().isBadRequest());
        String taken = body(submit(session, "/admin/users", "/admin/users", "username", user(acme).username(),
                "email", "x@example.com", "password", "pw", "firstName", "", "lastName", "")
                .expectStatus().isBadRequest());

        assertThat(invalid).contains("id=\"username-error\">username is required", "id=\"email-error\">email must be",
                "id=\"password-error\">password is required", "value=\"no spaces\"");
        assertThat(taken).contains("id=\"username-error\">The username &#39;" + user(acme).username()
                + "&#39; is taken.");
    }

    @Test
    void theUserLimitIsShownAndEnforced(TenantClient acme, TestTenant acmeTenant) {
        catalog.change(acmeTenant.id(), new TenantChanges(null, null, 2, null, null, null));
        TenantClient session = signIn(acme, admin(acme));

        String full = body(submit(session, "/admin/users", "/admin/users", "username", Names.username("extra"),
                "email", "extra@example.com", "password", "extra-password", "firstName", "", "lastName", "")
                .expectStatus().isBadRequest());

        assertThat(full).contains("2 of 2 users", "This tenant has reached its limit of 2 users.");
    }

    @Test
    void aDeactivatedUserCanNoLongerSignIn(TenantClient acme) {
        TenantClient session = signIn(acme, admin(acme));
        acme.withBasicAuth(user(acme).username(), user(acme).password()).get("/api/me").expectStatus().isOk();
        Matcher form = Pattern.compile("action=\"(/admin/users/\\d+/deactivate)\"").matcher(page(session,
                "/admin/users?q=" + user(acme).username()));
        assertThat(form.find()).isTrue();

        submit(session, "/admin/users", form.group(1)).expectStatus().isFound();

        assertThat(page(session, "/admin/users?q=" + user(acme).username())).contains("badge no")
                .doesNotContain("/deactivate\"");
        acme.withBasicAuth(user(acme).username(), user(acme).password()).get("/api/me").expectStatus()
                .isUnauthorized();
    }

    @Test
    void aRegularUserIsToldTheyHaveNoAdminRights(TenantClient acme) {
        TenantClient session = signIn(acme, user(acme));

        String home = body(session.rest().get().uri("/admin/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isForbidden());
        String users = body(session.rest().get().uri("/admin/users").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isForbidden());

        assertThat(home).contains("No admin rights", user(acme).username()).doesNotContain(admin(acme).username());
        assertThat(users).contains("No admin rights").doesNotContain(admin(acme).username());
    }

    @Test
    void anotherTenantsAdminAndTheSuperSuperAdminCannotSignInHere(TenantClient acme) {
        TenantClient globex = acme.withHost("globex.localhost");

        assertThatThrownBy(() -> signIn(globex, admin(acme))).hasMessageContaining("/admin/login?error");
        assertThatThrownBy(() -> signIn(acme, fixture.root())).hasMessageContaining("/admin/login?error");
        assertThat(body(acme.rest().get().uri("/admin/login?error").exchange().expectStatus().isOk()))
                .contains("Unknown username or wrong password for this site.");
    }

    @Test
    void aTenantAdminsSessionIsNotValidOnAnotherTenantsHostNorOnThePlatform(TenantClient acme) {
        TenantClient session = signIn(acme, admin(acme));

        session.withHost("globex.localhost").rest().get().uri("/admin/users").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).endsWith("/admin/login"));
        session.withHost("localhost").rest().get().uri("/admin/tenants").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound();
    }

    @Test
    void theTenantSuperAdminCannotOpenThePlatformPages(TenantClient acme) {
        TenantClient session = signIn(acme, admin(acme));

        assertThat(body(session.rest().get().uri("/admin/tenants").exchange().expectStatus().isForbidden()))
                .contains("No admin rights").doesNotContain("Globex");
    }

    @Test
    void signingOutEndsTheSession(TenantClient acme) {
        TenantClient session = signIn(acme, admin(acme));

        submit(session, "/admin/users", "/admin/logout").expectStatus().isFound().expectHeader()
                .value(HttpHeaders.LOCATION, location -> assertThat(location).endsWith("/admin/login?signedOut"));

        session.rest().get().uri("/admin/users").exchange().expectStatus().isFound();
    }
}
