package dev.tenancy.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.sample.SampleFixture.TestTenant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

/**
 * Browsers sign in with a form and a session, bound to the host they signed in on (see also
 * {@link TenantIsolationTest#aTenantSessionIsNotValidOnAnotherTenantsHost()}); API clients use HTTP Basic on every
 * request, without sessions or CSRF tokens.
 */
@SampleAppTest
class SessionLoginTest {

    @Autowired
    SampleFixture fixture;

    @Test
    void aBrowserThatIsNotSignedInIsSentToTheSignInPage() {
        TestTenant acme = fixture.tenant("acme");

        SampleClient.Response response = fixture.client().on(acme.host()).getPage("/api/me");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void aSignedInBrowserChangesThingsOnlyWithItsCsrfToken() {
        TestTenant acme = fixture.tenant("acme");
        SampleClient client = fixture.client();
        String session = BrowserLogin.signIn(client, acme.host(), acme.admin());
        Map<String, String> user = Map.of("username", Names.username("web"), "email", "web@example.com",
                "password", "web-password");

        SampleClient.Response withoutToken = client.on(acme.host()).cookie(session).post("/api/users/", user);
        SampleClient.Response withToken = client.on(acme.host()).cookie(session)
                .header("X-CSRF-TOKEN", BrowserLogin.csrfToken(client, acme.host(), session))
                .post("/api/users/", user);

        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.error()).contains("CSRF");
        assertThat(withToken.status()).isEqualTo(201);
    }

    @Test
    void aWrongPasswordInTheFormSignsNobodyIn() {
        TestTenant acme = fixture.tenant("acme");
        SampleClient client = fixture.client();
        SampleClient.Response page = client.on(acme.host()).getPage("/login");
        String token = BrowserLogin.csrfToken(client, acme.host(), page.sessionCookie());

        SampleClient.Response response = client.on(acme.host()).cookie(page.sessionCookie()).postForm("/login",
                Map.of("username", acme.admin().username(), "password", "wrong", "_csrf", token));

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?error"));
        assertThat(client.on(acme.host()).cookie(page.sessionCookie()).get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void basicAuthenticatedCallsCreateNoSession() {
        TestTenant acme = fixture.tenant("acme");

        SampleClient.Response response = fixture.client().on(acme.host())
                .as(acme.admin().username(), acme.admin().password()).get("/api/me");
        SampleClient.Response anonymous = fixture.client().on(acme.host()).get("/api/me");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.sessionCookie()).isNull();
        assertThat(anonymous.sessionCookie()).isNull();
    }
}
