package com.example.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tenancy.boot.cli.CommandDispatcher;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * docs/converting.md, followed: the converted application starts on the single-tenant database (its shared
 * migrations create the tenant tables beside the old notes), {@code adopt-tenant} makes the notes the first
 * tenant's, and that tenant's host serves them, while the public host does not.
 */
@SpringBootTest(classes = NotesApplication.class)
@AutoConfigureMockMvc
@ContextConfiguration(initializers = SingleTenantDatabase.class)
class ConversionTest {

    @Autowired
    CommandDispatcher commands;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theExistingNotesBecomeTheFirstTenantsAndAreServedAtItsHost() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = commands.execute(List.of("adopt-tenant", "--subdomain=first", "--set=name=First Customer"),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Adopted public's tenant tables as tenant "
                + "tenant_first");
        mvc.perform(get("/notes").header("Host", "first.localhost")).andExpect(status().isOk())
                .andExpect(content().json("[\"written before the conversion\",\"and another\"]"));
        mvc.perform(post("/notes").header("Host", "first.localhost").content("after the conversion"))
                .andExpect(status().isCreated());
        assertThat(jdbc.queryForList("SELECT id || ':' || body FROM tenant_first.notes ORDER BY id", String.class))
                .containsExactly("1:written before the conversion", "2:and another", "3:after the conversion");
        mvc.perform(get("/notes").header("Host", "localhost")).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT to_regclass('public.notes') IS NULL", Boolean.class)).isTrue();
    }
}
