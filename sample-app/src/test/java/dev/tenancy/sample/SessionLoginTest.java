package dev.tenancy.sample;

import static dev.tenancy.sample.SampleFixture.admin;
import static dev.tenancy.sample.SampleFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.test.TenantClient;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Browsers sign in with a form and a session, bound to the host they signed in on (see also
 * {@link TenantIsolationTest#aTenantSessionIsNotValidOnAnotherTenantsHost}); API clients use HTTP Basic on every
 * request, without sessions or CSRF tokens.
 */
@SampleAppTest
class SessionLoginTest {

    @Test
    void aBrowserThatIsNotSignedInIsSentToTheSignInPage(TenantClient acme) {
        acme.rest().get().uri("/api/me").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).endsWith("/login"))
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE);
    }

    @Test
    void aSignedInBrowserChangesThingsOnlyWithItsCsrfToken(TenantClient acme) {
        TenantClient browser = acme.login(admin(acme).username(), admin(acme).password());
        String user = json("username", "web", "email", "web@example.com", "password", "web-password");

        browser.post("/api/users/", user).expectStatus().isForbidden().expectBody()
                .jsonPath("$.error").value((String error) -> assertThat(error).contains("CSRF"));
        browser.rest().post().uri("/api/users/").header("X-CSRF-TOKEN", browser.csrfToken("/login"))
                .contentType(MediaType.APPLICATION_JSON).body(user).exchange()
                .expectStatus().isCreated();
    }

    @Test
    void aWrongPasswordInTheFormSignsNobodyIn(TenantClient acme) {
        String form = "username=" + URLEncoder.encode(admin(acme).username(), StandardCharsets.UTF_8)
                + "&password=wrong&_csrf=" + URLEncoder.encode(acme.csrfToken("/login"), StandardCharsets.UTF_8);

        acme.rest().post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).exchange()
                .expectStatus().isFound()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).endsWith("/login?error"));

        acme.get("/api/me").expectStatus().isUnauthorized();
    }

    @Test
    void basicAuthenticatedCallsCreateNoSession(TenantClient acme) {
        admin(acme).on(acme).get("/api/me").expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        acme.get("/api/me").expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
    }
}
