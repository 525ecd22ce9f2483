package dev.tenancy.sample;

import static dev.tenancy.sample.SampleFixture.admin;
import static dev.tenancy.sample.SampleFixture.json;
import static dev.tenancy.sample.SampleFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.test.TenantClient;
import dev.tenancy.test.TenantSchema;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.util.Map;

/**
 * API clients sign in once at {@code POST /api/login} and then send the session cookie it set: one password check
 * per session instead of one per request. The session is bound to the host it was made on.
 */
@SampleAppTest
class ApiLoginTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> signIn(TenantClient client, SampleFixture.Credentials credentials) {
        return client.post("/api/login", json("username", credentials.username(), "password",
                credentials.password())).expectStatus().isOk()
                .expectHeader().value(HttpHeaders.SET_COOKIE, cookie -> assertThat(cookie).startsWith("JSESSIONID="))
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void aSignedInClientIsServedWithoutSendingItsPasswordAgain(TenantClient acme) {
        Map<String, Object> signedIn = signIn(acme, user(acme));

        assertThat(signedIn).containsEntry("status", "signed_in").containsEntry("username", user(acme).username())
                .containsEntry("role", "user").containsEntry("site", "acme.localhost")
                .containsKey("csrf_token");
        acme.get("/api/me").expectStatus().isOk().expectBody()
                .jsonPath("$.username").isEqualTo(user(acme).username())
                .jsonPath("$.site").isEqualTo("acme.localhost");
    }

    @Test
    void requestsThatChangeSomethingNeedTheCsrfTokenTheSignInAnswered(TenantClient acme) {
        String token = (String) signIn(acme, user(acme)).get("csrf_token");
        String note = json("title", "acme: from a session");

        acme.post("/api/notes/", note).expectStatus().isForbidden().expectBody()
                .jsonPath("$.error").value((String error) -> assertThat(error).contains("CSRF"));
        acme.rest().post().uri("/api/notes/").header("X-CSRF-TOKEN", token)
                .contentType(MediaType.APPLICATION_JSON).body(note).exchange()
                .expectStatus().isCreated();
    }

    @Test
    void aSessionMadeOnOneTenantIsNotSignedInOnAnotherTenantOrThePlatform(TenantClient acme) {
        String token = (String) signIn(acme, admin(acme)).get("csrf_token");

        for (String host : new String[] {"globex.localhost", "localhost"}) {
            TenantClient elsewhere = acme.withHost(host);
            elsewhere.get("/api/me").expectStatus().isUnauthorized().expectBody()
                    .jsonPath("$.error").value((String error) -> assertThat(error).startsWith("Sign in first"));
            elsewhere.rest().post().uri("/api/notes/").header("X-CSRF-TOKEN", token)
                    .contentType(MediaType.APPLICATION_JSON).body(json("title", "acme: carried elsewhere"))
                    .exchange().expectStatus().isUnauthorized();
        }
        acme.get("/api/me").expectStatus().isOk();
    }

    @Test
    void anotherTenantsUserAndAWrongPasswordAreRefusedWithoutASession(TenantClient acme,
            @TenantSchema(SampleAppTest.GLOBEX) TenantClient globex) {
        for (SampleFixture.Credentials refused : new SampleFixture.Credentials[] {admin(globex),
                new SampleFixture.Credentials(user(acme).username(), "wrong-password")}) {
            acme.post("/api/login", json("username", refused.username(), "password", refused.password()))
                    .expectStatus().isUnauthorized()
                    .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                    .expectBody().jsonPath("$.error").isEqualTo("Unknown username or wrong password for this site. "
                            + "Users sign in on their own tenant's host.");
        }
        acme.get("/api/me").expectStatus().isUnauthorized();
    }

    @Test
    void signingInGivesTheSessionANewId(TenantClient acme) {
        String before = sessionId(acme.rest().get().uri("/login").exchange().returnResult(String.class)
                .getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE));
        String token = acme.csrfToken("/login");

        String after = sessionId(acme.rest().post().uri("/api/login").header("X-CSRF-TOKEN", token)
                .contentType(MediaType.APPLICATION_JSON).body(json("username", user(acme).username(), "password",
                        user(acme).password())).exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE));

        assertThat(before).as("the anonymous session's id").isNotNull();
        assertThat(after).isNotNull().isNotEqualTo(before);
        acme.get("/api/me").expectStatus().isOk();
    }

    private static String sessionId(String setCookie) {
        return setCookie == null ? null : setCookie.substring(0, setCookie.indexOf(';'));
    }

    @Test
    void missingCredentialsAreRefusedWith400(TenantClient acme) {
        acme.post("/api/login", json("username", user(acme).username())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("username and password are required.");
    }
}
