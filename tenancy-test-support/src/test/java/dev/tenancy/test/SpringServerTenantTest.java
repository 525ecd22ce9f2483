package dev.tenancy.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.test.app.Note;
import dev.tenancy.test.app.NoteRepository;
import dev.tenancy.test.app.TestApplication;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpHeaders;

/** Two fresh tenants in one class, served by a real server on a random port, with real HTTP clients. */
@TenantTest(mode = TenantTest.Mode.FRESH, tenants = {
        @TenantTest.Tenant(schema = "acme", domain = "acme.example.com"),
        @TenantTest.Tenant(schema = "globex")})
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class SpringServerTenantTest {

    @Autowired
    NoteRepository notes;

    @Test
    void eachTenantsHostSeesOnlyItsOwnData(TenantClient acme, @TenantSchema("globex") TenantClient globex,
            @TenantSchema("globex") TestTenant globexTenant) {
        assertThat(acme.domain()).isEqualTo("acme.example.com");
        assertThat(globex.domain()).isEqualTo("globex.localhost");
        acme.post("/notes", "{\"body\":\"acme's\"}").expectStatus().isCreated();
        globexTenant.run(() -> notes.save(new Note("globex's")));
        acme.get("/notes").expectStatus().isOk().expectBody().json("[\"acme's\"]");
        globex.get("/notes").expectStatus().isOk().expectBody().json("[\"globex's\"]");
        assertThat(notes.findAll()).extracting(Note::getBody).containsExactly("acme's");
    }

    @Test
    void theRequestReallyCarriesTheTenantsHostHeader(TenantClient acme) {
        String host = acme.get("/notes").expectStatus().isOk().returnResult(String.class)
                .getRequestHeaders().getFirst(HttpHeaders.HOST);
        assertThat(host).startsWith("acme.example.com:");
    }

    @Test
    void formLoginOverHttpKeepsTheSessionCookie(TenantClient acme, @TenantSchema("globex") TenantClient globex) {
        TenantClient alice = acme.login("alice", "alice-password");
        alice.get("/account").expectStatus().isOk().expectBody().json("{\"username\":\"alice\"}");
        acme.get("/account").expectStatus().isUnauthorized();
        globex.withBasicAuth("alice", "alice-password").get("/account").expectStatus().isOk();
    }

    @Test
    void anUnknownHostIsNotServed(TenantClient acme) {
        acme.rest().get().uri("/notes").header(HttpHeaders.HOST, "nobody.example.com").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void anotherHostIsReachedWithTheSameSessionCookieWhichIsNotSignedInThere(TenantClient acme) {
        TenantClient alice = acme.login("alice", "alice-password");
        TenantClient onGlobex = alice.withHost("globex.localhost");

        // The starter binds sign-ins to their tenant: acme's session reaches globex, but is not signed in there.
        String host = onGlobex.get("/account").expectStatus().isUnauthorized()
                .returnResult().getRequestHeaders().getFirst(HttpHeaders.HOST);

        assertThat(host).startsWith("globex.localhost:");
        alice.get("/account").expectStatus().isOk().expectBody().json("{\"username\":\"alice\"}");
        acme.withHost("nobody.example.com").get("/notes").expectStatus().isNotFound();
    }
}
