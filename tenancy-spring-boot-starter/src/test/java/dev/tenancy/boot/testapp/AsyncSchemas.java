package dev.tenancy.boot.testapp;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Reads on Spring's application task executor: the schema PostgreSQL works in, and the notes there. */
@Service
public class AsyncSchemas {

    private final JdbcTemplate jdbc;

    AsyncSchemas(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Async
    public CompletableFuture<String> schema() {
        return CompletableFuture.completedFuture(jdbc.queryForObject("SELECT current_schema()", String.class));
    }

    @Async
    public CompletableFuture<List<String>> notes() {
        return CompletableFuture.completedFuture(
                jdbc.queryForList("SELECT body FROM notes ORDER BY id", String.class));
    }
}
