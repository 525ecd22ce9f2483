package dev.tenancy.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.sample.SampleFixture.Credentials;
import dev.tenancy.sample.SampleFixture.TestTenant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

/**
 * {@code POST /api/users/} and {@code GET /api/users/}: a tenant super admin manages their own tenant's users,
 * within its max_users; regular users cannot create users.
 */
@SampleAppTest
class UserManagementTest {

    @Autowired
    SampleFixture fixture;

    @Test
    void aTenantSuperAdminCreatesAUserWhoCanThenSignIn() {
        TestTenant acme = fixture.tenant("acme");
        SampleClient client = fixture.client();

        SampleClient.Response created = client.on(acme.host()).as(acme.admin().username(), acme.admin().password())
                .post("/api/users/", Map.of("username", "john.doe", "email", "john@example.com",
                        "password", "secure_password", "first_name", "John", "last_name", "Doe"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("status").asString()).isEqualTo("success");
        assertThat(created.json().path("username").asString()).isEqualTo("john.doe");
        assertThat(created.json().path("user_id").asLong()).isPositive();
        SampleClient.Response me = client.on(acme.host()).as("john.doe", "secure_password").get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("role").asString()).isEqualTo("user");
        assertThat(me.json().path("first_name").asString()).isEqualTo("John");
    }

    @Test
    void aRegularUserCannotCreateOrListUsers() {
        TestTenant acme = fixture.tenant("acme");
        Credentials john = fixture.user(acme, "john");
        SampleClient.Call asJohn = fixture.client().on(acme.host()).as(john.username(), john.password());

        SampleClient.Response create = asJohn.post("/api/users/", Map.of("username", "mallory",
                "email", "mallory@example.com", "password", "pw"));
        SampleClient.Response list = asJohn.get("/api/users/");

        assertThat(create.status()).isEqualTo(403);
        assertThat(create.error()).isEqualTo("Only this tenant's super admin can create users.");
        assertThat(list.status()).isEqualTo(403);
    }

    @Test
    void theUserListShowsThisTenantsUsersWithoutPasswords() {
        TestTenant acme = fixture.tenant("acme");
        Credentials john = fixture.user(acme, "john");

        SampleClient.Response list = fixture.client().on(acme.host())
                .as(acme.admin().username(), acme.admin().password()).get("/api/users");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsString("username")).containsExactly(acme.admin().username(),
                john.username());
        assertThat(list.body()).doesNotContain("password").doesNotContain("bcrypt");
    }

    @Test
    void aTenantCannotGrowBeyondItsMaxUsers() {
        TestTenant acme = fixture.tenant("acme");
        Credentials root = fixture.superSuperAdmin();
        SampleClient client = fixture.client();
        client.on("localhost").as(root.username(), root.password()).patch("/api/admin/tenants/" + acme.id() + "/",
                Map.of("max_users", 2));
        fixture.user(acme, "second");

        SampleClient.Response third = client.on(acme.host()).as(acme.admin().username(), acme.admin().password())
                .post("/api/users/", Map.of("username", "third", "email", "third@example.com", "password", "pw"));

        assertThat(third.status()).isEqualTo(403);
        assertThat(third.error()).startsWith("This tenant has reached its limit of 2 users.");
    }

    @Test
    void aTakenUsernameIsAConflict() {
        TestTenant acme = fixture.tenant("acme");
        Credentials john = fixture.user(acme, "john");

        SampleClient.Response again = fixture.client().on(acme.host())
                .as(acme.admin().username(), acme.admin().password())
                .post("/api/users/", Map.of("username", john.username(), "email", "x@example.com", "password", "pw"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("The username '" + john.username() + "' is taken. Choose another.");
    }

    @Test
    void invalidUserDetailsAreRefusedWithEveryProblem() {
        TestTenant acme = fixture.tenant("acme");

        SampleClient.Response response = fixture.client().on(acme.host())
                .as(acme.admin().username(), acme.admin().password())
                .post("/api/users/", Map.of("username", "has space", "email", "not-an-email"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).contains("username").contains("email").contains("password is required");
    }

    @Test
    void theUsersEndpointIsNotServedOnThePlatformHost() {
        Credentials root = fixture.superSuperAdmin();

        SampleClient.Response response = fixture.client().on("localhost").as(root.username(), root.password())
                .post("/api/users/", Map.of("username", "x", "email", "x@example.com", "password", "pw"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.error()).startsWith("This endpoint is served on tenant hosts only");
    }

    @Test
    void creatingUsersNeedsCredentials() {
        TestTenant acme = fixture.tenant("acme");

        SampleClient.Response response = fixture.client().on(acme.host())
                .post("/api/users/", Map.of("username", "x", "email", "x@example.com", "password", "pw"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic"));
    }
}
