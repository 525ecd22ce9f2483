package dev.tenancy.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.test.app.Note;
import dev.tenancy.test.app.NoteRepository;
import dev.tenancy.test.app.SeededNotes;
import dev.tenancy.test.app.TestApplication;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * Rows the application's provisioning listeners write into a test tenant ({@link SeededNotes}, which tells test
 * tenants by {@link TenantTest#ACTOR}) are part of what every test starts with. The configuration is that of
 * {@link SpringMockMvcTenantTest}, so the two share an application context.
 */
@TenantTest(schema = SeededNotes.SCHEMA, values = "name=Seeded")
@SpringBootTest(classes = TestApplication.class)
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ListenerSeededDataTest {

    @Autowired
    NoteRepository notes;

    @Test
    @Order(1)
    void theListenersRowsAreThereFromTheStart(TenantClient client) {
        client.get("/notes").expectStatus().isOk().expectBody().json("[\"seeded\"]");
        notes.deleteAll();
        notes.save(new Note("written by the test"));
    }

    @Test
    @Order(2)
    void theResetPutsThemBack() {
        assertThat(notes.findAll()).extracting(Note::getBody).containsExactly("seeded");
    }
}
