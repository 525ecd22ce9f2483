package dev.tenancy.boot.testapp;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Marked neither public nor tenant, though its table exists only in tenant schemas (and one nowhere). */
@RestController
class ArchiveController {

    private final JdbcTemplate jdbc;

    ArchiveController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/archive")
    List<String> archive() {
        return jdbc.queryForList("SELECT body FROM notes ORDER BY id", String.class);
    }

    @GetMapping("/archive/broken")
    List<String> broken() {
        return jdbc.queryForList("SELECT body FROM no_such_table", String.class);
    }
}
