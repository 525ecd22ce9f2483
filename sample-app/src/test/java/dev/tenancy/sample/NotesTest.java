package dev.tenancy.sample;

import static dev.tenancy.sample.SampleFixture.json;
import static dev.tenancy.sample.SampleFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.test.TenantClient;
import dev.tenancy.test.TenantSchema;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * The notes API: each tenant's notes in its own schema, imports all or nothing or with savepoints, the cached
 * summary and the report computed on another thread, each for the request's tenant only.
 */
@SampleAppTest
class NotesTest {

    @Autowired
    JdbcTemplate jdbc;

    private List<String> titles(String schema) {
        return jdbc.queryForList("SELECT title FROM \"" + schema + "\".notes ORDER BY id", String.class);
    }

    @Test
    void aNoteIsWrittenToTheTenantsOwnSchemaAndReadOnlyThere(TenantClient acme,
            @TenantSchema(SampleAppTest.GLOBEX) TenantClient globex) {
        TenantClient pat = user(acme).on(acme);
        long id = pat.post("/api/notes/", json("title", "acme: first", "body", "hello")).expectStatus().isCreated()
                .expectBody(NoteId.class).returnResult().getResponseBody().id();

        pat.get("/api/notes/{id}", id).expectStatus().isOk().expectBody()
                .jsonPath("$.title").isEqualTo("acme: first")
                .jsonPath("$.author").isEqualTo(user(acme).username());
        user(globex).on(globex).get("/api/notes/").expectStatus().isOk().expectBody().json("[]");
        assertThat(titles(SampleAppTest.ACME)).containsExactly("acme: first");
        assertThat(titles(SampleAppTest.GLOBEX)).isEmpty();
    }

    record NoteId(long id) {
    }

    @Test
    void anImportWithATakenTitleWritesNothing(TenantClient acme) {
        TenantClient pat = user(acme).on(acme);
        pat.post("/api/notes/", json("title", "taken")).expectStatus().isCreated();

        pat.post("/api/notes/import", "{\"notes\": [{\"title\": \"new\"}, {\"title\": \"taken\"}]}")
                .expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.error").value((String error) -> assertThat(error).contains("'taken' exists already"));

        assertThat(titles(SampleAppTest.ACME)).containsExactly("taken");
    }

    @Test
    void anImportSkippingTakenTitlesRollsEachOneBackToItsSavepointAndKeepsTheRest(TenantClient acme) {
        TenantClient pat = user(acme).on(acme);
        pat.post("/api/notes/", json("title", "taken")).expectStatus().isCreated();

        pat.post("/api/notes/import", "{\"notes\": [{\"title\": \"before\"}, {\"title\": \"taken\"}, "
                + "{\"title\": \"after\"}], \"skip_existing\": true}")
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.imported").isEqualTo(2)
                .jsonPath("$.skipped").isEqualTo(List.of("taken"));

        assertThat(titles(SampleAppTest.ACME)).containsExactly("taken", "before", "after");
    }

    @Test
    void theCachedSummaryIsEachTenantsOwnAndFollowsItsWrites(TenantClient acme,
            @TenantSchema(SampleAppTest.GLOBEX) TenantClient globex) {
        TenantClient pat = user(acme).on(acme);
        TenantClient gil = user(globex).on(globex);
        pat.post("/api/notes/", json("title", "acme: one")).expectStatus().isCreated();
        pat.get("/api/notes/summary").expectStatus().isOk().expectBody()
                .jsonPath("$.notes").isEqualTo(1).jsonPath("$.newest_title").isEqualTo("acme: one");

        gil.get("/api/notes/summary").expectStatus().isOk().expectBody()
                .jsonPath("$.notes").isEqualTo(0).jsonPath("$.newest_title").isEmpty();
        pat.post("/api/notes/", json("title", "acme: two")).expectStatus().isCreated();
        pat.get("/api/notes/summary").expectStatus().isOk().expectBody()
                .jsonPath("$.notes").isEqualTo(2).jsonPath("$.newest_title").isEqualTo("acme: two");
    }

    @Test
    void theReportIsComputedOnAnotherThreadForTheRequestsTenant(TenantClient acme,
            @TenantSchema(SampleAppTest.GLOBEX) TenantClient globex) {
        user(acme).on(acme).post("/api/notes/import", "{\"notes\": [{\"title\": \"acme: a\"}, "
                + "{\"title\": \"acme: b\"}]}").expectStatus().isCreated();

        user(acme).on(acme).get("/api/notes/report").expectStatus().isOk().expectBody()
                .jsonPath("$.notes").isEqualTo(2).jsonPath("$.authors").isEqualTo(1)
                .jsonPath("$.newest_titles").isEqualTo(List.of("acme: b", "acme: a"));
        user(globex).on(globex).get("/api/notes/report").expectStatus().isOk().expectBody()
                .jsonPath("$.notes").isEqualTo(0).jsonPath("$.newest_titles").isEmpty();
    }

    @Test
    void invalidNotesAndMissingOnesAreRefusedWithAMessage(TenantClient acme) {
        TenantClient pat = user(acme).on(acme);
        pat.post("/api/notes/", json("title", " ")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.error").value((String error) -> assertThat(error).startsWith("title is required"));
        pat.post("/api/notes/import", "{\"notes\": []}").expectStatus().isBadRequest();
        pat.get("/api/notes/?limit=0").expectStatus().isBadRequest();
        pat.get("/api/notes/{id}", 404).expectStatus().isNotFound();
        assertThat(titles(SampleAppTest.ACME)).isEmpty();
    }
}
