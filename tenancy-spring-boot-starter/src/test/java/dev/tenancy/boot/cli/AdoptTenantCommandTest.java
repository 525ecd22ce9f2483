package dev.tenancy.boot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import dev.tenancy.boot.TestAppTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code adopt-tenant} on the running test application: a single-tenant {@code notes} table left in public becomes
 * a new tenant's, served at its domain; {@code --plan} shows the move and changes nothing; a refusal exits with 1.
 */
@TestAppTest
class AdoptTenantCommandTest {

    @Autowired
    CommandDispatcher commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void notesInPublicAsASingleTenantApplicationLeftThem() {
        jdbc.execute("CREATE TABLE public.notes (id bigserial PRIMARY KEY, body text NOT NULL)");
        jdbc.update("INSERT INTO public.notes (body) VALUES ('kept from before'), ('and this')");
    }

    @AfterEach
    void removeWhatTheTestMade() {
        jdbc.update("DELETE FROM public.tenants WHERE schema_name = 'tenant_first'");
        jdbc.execute("DROP SCHEMA IF EXISTS tenant_first CASCADE");
        jdbc.execute("DROP TABLE IF EXISTS public.notes");
    }

    @Test
    void thePlanShowsTheMoveAndChangesNothing() {
        CommandRun run = CommandRun.of(commands, "adopt-tenant", "--subdomain=first", "--set=name=First", "--plan");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Adopting public into tenant_first:", "move  table notes",
                "stay  table plans", "history: tenant migrations 1 recorded as applied");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM public.notes", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM public.tenants WHERE schema_name = 'tenant_first'",
                Integer.class)).isZero();
    }

    @Test
    void adoptedNotesAreServedAtTheNewTenantsDomain() throws Exception {
        CommandRun run = CommandRun.of(commands, "adopt-tenant", "--subdomain=first", "--set=name=First");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Adopted public's tenant tables as tenant tenant_first (id ");
        assertThat(jdbc.queryForObject("SELECT to_regclass('public.notes') IS NULL", Boolean.class)).isTrue();
        mvc.perform(get("/notes").header("Host", "first.localhost"))
                .andExpect(content().json("[\"kept from before\",\"and this\"]", JsonCompareMode.STRICT));
    }

    @Test
    void aRefusedAdoptionExitsWithItsReason() {
        jdbc.execute("CREATE TABLE public.note_links (note_id bigint REFERENCES public.notes (id))");
        try {
            CommandRun run = CommandRun.of(commands, "adopt-tenant", "--subdomain=first", "--set=name=First");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("The shared table public.note_links references notes");
        } finally {
            jdbc.execute("DROP TABLE public.note_links");
        }
    }
}
