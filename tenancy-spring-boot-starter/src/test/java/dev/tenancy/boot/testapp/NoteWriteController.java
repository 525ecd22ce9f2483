package dev.tenancy.boot.testapp;

import dev.tenancy.boot.web.TenantEndpoint;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Tenant-only: adds a note, whose body is the request's body, to the current tenant's notes. */
@RestController
@TenantEndpoint
class NoteWriteController {

    private final JdbcTemplate jdbc;

    NoteWriteController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @PostMapping("/notes/jdbc")
    String add(@RequestBody String body) {
        jdbc.update("INSERT INTO notes (body) VALUES (?)", body);
        return "added";
    }
}
