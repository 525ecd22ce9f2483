package com.example.notes;

import dev.tenancy.test.TenantClient;
import dev.tenancy.test.TenantTest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** The application's own test, converted (guide step 8): it now runs as a test tenant, and still passes. */
@TenantTest(values = "name=Test Tenant")
@SpringBootTest(classes = NotesApplication.class)
@AutoConfigureMockMvc
class NotesApiTest {

    @Test
    void aNoteWrittenIsListed(TenantClient client) {
        client.post("/notes", "remember the milk").expectStatus().isCreated();

        client.get("/notes").expectStatus().isOk().expectBody().json("[\"remember the milk\"]");
    }

    @Test
    void notesAreNotServedOnThePublicHost(TenantClient client) {
        client.withHost("localhost").get("/notes").expectStatus().isNotFound();
    }
}
