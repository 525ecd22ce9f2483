package dev.tenancy.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;
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
