package dev.tenancy.boot.testapp;

import dev.tenancy.boot.web.TenantEndpoint;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Tenant-only: the current tenant's notes, through JPA and through JdbcTemplate. */
@RestController
@TenantEndpoint
class NoteController {

    private final NoteRepository notes;
    private final JdbcTemplate jdbc;

    NoteController(NoteRepository notes, JdbcTemplate jdbc) {
        this.notes = notes;
        this.jdbc = jdbc;
    }

    @GetMapping("/notes")
    List<String> notes() {
        return notes.findAll().stream().map(Note::getBody).toList();
    }

    @GetMapping("/notes/jdbc")
    List<String> notesByJdbc() {
        return jdbc.queryForList("SELECT body FROM notes ORDER BY id", String.class);
    }
}
