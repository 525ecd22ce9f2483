package dev.tenancy.test.app;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The schema a request's SQL runs in, read through JdbcTemplate: a controller for web slice tests without JPA. */
@RestController
public class SchemaController {

    private final JdbcTemplate jdbc;

    SchemaController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/schema")
    String schema() {
        return jdbc.queryForObject("SELECT current_schema()", String.class);
    }
}
