package dev.tenancy.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.core.provisioning.TenantProvisioner;
import dev.tenancy.test.app.Note;
import dev.tenancy.test.app.NoteRepository;
import dev.tenancy.test.app.TestApplication;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** @TenantTest in a Spring Boot test with MockMvc: the tenant-aware client, JPA in the tenant, resets between tests. */
@TenantTest(values = {"name=Test Tenant", "paid_until=2030-01-31"})
@SpringBootTest(classes = TestApplication.class)
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpringMockMvcTenantTest {

    @Autowired
    NoteRepository notes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantProvisioner provisioner;

    @Autowired
    TenantDirectory directory;

    @Test
    void theApplicationRunsOnADatabaseOfItsOwnOnTheTestServer() {
        assertThat(jdbc.queryForObject("SELECT current_database()", String.class))
                .startsWith("test_springmockmvctenanttest_");
    }

    @Test
    void theTenantRowCarriesTheApplicationsColumns(TestTenant tenant) {
        assertThat(jdbc.queryForObject("SELECT name || ' ' || paid_until FROM public.tenants WHERE id = ?",
                String.class, tenant.id())).isEqualTo("Test Tenant 2030-01-31");
    }

    @Test
    void repositoriesWorkInTheTenantsSchema() {
        assertThat(Tenants.currentOrNull()).isEqualTo(SchemaName.of("test"));
        notes.save(new Note("written by the test"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM test.notes", Integer.class)).isOne();
    }

    @Test
    @Transactional
    void transactionalTestsRunTheirTransactionInTheTenant() {
        notes.save(new Note("rolled back"));
        assertThat(notes.count()).isOne();
    }

    @Test
    @Order(1)
    void theClientSendsTheTenantsHost(TenantClient client) {
        client.post("/notes", "{\"body\":\"hello\"}").expectStatus().isCreated();
        client.get("/notes").expectStatus().isOk().expectBody().json("[\"hello\"]");
    }

    @Test
    @Order(2)
    void theNextTestStartsWithNoNotes(TenantClient client) {
        client.get("/notes").expectStatus().isOk().expectBody().json("[]");
        assertThat(notes.count()).isZero();
    }

    @Test
    @Order(3)
    void aTestMayDeactivateItsTenantAndChangeItsDomains(TenantClient client, TestTenant tenant) {
        provisioner.addDomain(tenant.schema(), "second.localhost", false, "a test");
        client.withHost("second.localhost").get("/notes").expectStatus().isOk();
        jdbc.update("UPDATE public.tenants SET status = 'INACTIVE', name = 'Renamed' WHERE id = ?", tenant.id());
        directory.evictTenant(tenant.schema());
        client.get("/notes").expectStatus().isForbidden();
    }

    @Test
    @Order(4)
    void theNextTestFindsTheTenantAsItWasCreated(TenantClient client, TestTenant tenant) {
        client.get("/notes").expectStatus().isOk();
        client.withHost("second.localhost").get("/notes").expectStatus().isNotFound();
        assertThat(jdbc.queryForObject("SELECT name || ' ' || status FROM public.tenants WHERE id = ?", String.class,
                tenant.id())).isEqualTo("Test Tenant ACTIVE");
        assertThat(jdbc.queryForList("SELECT domain FROM public.domains WHERE tenant_id = ?", String.class,
                tenant.id())).containsExactly("test.localhost");
    }

    @Test
    void anotherHostIsReachedInTheSameSession(TenantClient client) {
        client.withHost("nobody.localhost").get("/notes").expectStatus().isNotFound()
                .expectBody().jsonPath("$.error").exists();
        TenantClient alice = client.login("alice", "alice-password");
        alice.withHost("TEST.localhost").get("/account").expectStatus().isOk();
        assertThat(alice.withHost("Nobody.Localhost").domain()).isEqualTo("nobody.localhost");
    }

    @Test
    void aLoggedInSessionChangesThingsWithItsCsrfToken(TenantClient client) {
        TenantClient alice = client.login("alice", "alice-password");
        alice.rest().post().uri("/logout").exchange().expectStatus().isForbidden();
        alice.get("/account").expectStatus().isOk();

        alice.rest().post().uri("/logout").header("X-CSRF-TOKEN", alice.csrfToken("/login")).exchange()
                .expectStatus().is2xxSuccessful();

        alice.get("/account").expectStatus().isUnauthorized();
        assertThatThrownBy(() -> client.csrfToken("/notes")).isInstanceOf(AssertionError.class)
                .hasMessage("The page at /notes on test.localhost has no CSRF token (a hidden _csrf input).");
    }

    @Test
    void basicAuthenticationAsATenantUser(TenantClient client) {
        client.get("/account").expectStatus().isUnauthorized();
        client.withBasicAuth("alice", "alice-password").get("/account")
                .expectStatus().isOk().expectBody().json("{\"username\":\"alice\"}");
        client.withBasicAuth("alice", "wrong").get("/account").expectStatus().isUnauthorized();
    }

    @Test
    void formLoginAsATenantUserKeepsTheSession(TenantClient client) {
        TenantClient alice = client.login("alice", "alice-password");
        alice.get("/account").expectStatus().isOk().expectBody().json("{\"username\":\"alice\"}");
        alice.get("/account").expectStatus().isOk();
        client.get("/account").expectStatus().isUnauthorized();
    }

    @Test
    void aRefusedLoginFailsTheTest(TenantClient client) {
        assertThatThrownBy(() -> client.login("alice", "wrong"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Logging in as 'alice' at /login on test.localhost failed")
                .hasMessageNotContaining("wrong");
    }

    @Nested
    class InANestedClass {
        @Test
        void testsRunInTheEnclosingClasssTenant(TenantClient client, TestTenant tenant) {
            assertThat(Tenants.currentOrNull()).isEqualTo(tenant.schema());
            client.post("/notes", "{\"body\":\"nested\"}").expectStatus().isCreated();
            assertThat(notes.count()).isOne();
        }
    }
}
