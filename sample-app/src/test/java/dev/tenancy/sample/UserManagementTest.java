package dev.tenancy.sample;

import static dev.tenancy.sample.SampleFixture.admin;
import static dev.tenancy.sample.SampleFixture.json;
import static dev.tenancy.sample.SampleFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.test.TenantClient;
import dev.tenancy.test.TestTenant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code POST /api/users/} and {@code GET /api/users/}: a tenant super admin manages their own tenant's users,
 * within its max_users; regular users cannot create users.
 */
@SampleAppTest
class UserManagementTest {

    @Autowired
    SampleFixture fixture;

    @Test
    void aTenantSuperAdminCreatesAUserWhoCanThenSignIn(TenantClient acme) {
        admin(acme).on(acme).post("/api/users/", json("username", "john.doe", "email", "john@example.com",
                "password", "secure_password", "first_name", "John", "last_name", "Doe"))
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.status").isEqualTo("success")
                .jsonPath("$.username").isEqualTo("john.doe")
                .jsonPath("$.user_id").value((Integer id) -> assertThat(id).isPositive());

        acme.withBasicAuth("john.doe", "secure_password").get("/api/me").expectStatus().isOk().expectBody()
                .jsonPath("$.role").isEqualTo("user")
                .jsonPath("$.first_name").isEqualTo("John");
    }

    @Test
    void aRegularUserCannotCreateOrListUsers(TenantClient acme) {
        TenantClient asUser = user(acme).on(acme);

        asUser.post("/api/users/", json("username", "mallory", "email", "mallory@example.com", "password", "pw"))
                .expectStatus().isForbidden().expectBody()
                .jsonPath("$.error").isEqualTo("Only this tenant's super admin can create users.");
        asUser.get("/api/users/").expectStatus().isForbidden();
    }

    @Test
    void theUserListShowsThisTenantsUsersWithoutPasswords(TenantClient acme) {
        byte[] body = admin(acme).on(acme).get("/api/users").expectStatus().isOk().expectBody()
                .jsonPath("$[*].username").isEqualTo(List.of(admin(acme).username(), user(acme).username()))
                .returnResult().getResponseBody();

        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("password").doesNotContain("bcrypt");
    }

    @Test
    void aTenantCannotGrowBeyondItsMaxUsers(TenantClient acme, TestTenant acmeTenant) {
        fixture.asRoot(acme).patch("/api/admin/tenants/" + acmeTenant.id() + "/", json("max_users", 2))
                .expectStatus().isOk();

        admin(acme).on(acme).post("/api/users/", json("username", "third", "email", "third@example.com",
                "password", "pw")).expectStatus().isForbidden().expectBody()
                .jsonPath("$.error").value((String error) -> assertThat(error)
                        .startsWith("This tenant has reached its limit of 2 users."));
    }

    @Test
    void aTakenUsernameIsAConflict(TenantClient acme) {
        String taken = user(acme).username();

        admin(acme).on(acme).post("/api/users/", json("username", taken, "email", "x@example.com", "password", "pw"))
                .expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.error").isEqualTo("The username '" + taken + "' is taken. Choose another.");
    }

    @Test
    void invalidUserDetailsAreRefusedWithEveryProblem(TenantClient acme) {
        admin(acme).on(acme).post("/api/users/", json("username", "has space", "email", "not-an-email"))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.error").value((String error) -> assertThat(error).contains("username")
                        .contains("email").contains("password is required"));
    }

    @Test
    void theUsersEndpointIsNotServedOnThePlatformHost(TenantClient acme) {
        fixture.asRoot(acme).post("/api/users/", json("username", "x", "email", "x@example.com", "password", "pw"))
                .expectStatus().isForbidden().expectBody()
                .jsonPath("$.error").value((String error) -> assertThat(error)
                        .startsWith("This endpoint is served on tenant hosts only"));
    }

    @Test
    void creatingUsersNeedsCredentials(TenantClient acme) {
        acme.post("/api/users/", json("username", "x", "email", "x@example.com", "password", "pw"))
                .expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Basic"));
    }
}
