package dev.tenancy.boot.testapp;

import dev.tenancy.boot.cli.CommandArguments;
import dev.tenancy.boot.cli.TenancyCommand;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;

/**
 * Logs "working in <schema>", the schema PostgreSQL works in, from a request ({@code GET /log}), an @Async method
 * and a command ({@code log-schema}), so a test can compare each log line's MDC with the schema of its work.
 */
@RestController
@Component
public class SchemaLog implements TenancyCommand {

    private static final Logger log = LoggerFactory.getLogger(SchemaLog.class);

    private final JdbcTemplate jdbc;

    SchemaLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/log")
    String logRequest() {
        return logSchema();
    }

    @Async
    public CompletableFuture<String> logLater() {
        return CompletableFuture.completedFuture(logSchema());
    }

    @Override
    public String name() {
        return "log-schema";
    }

    @Override
    public String description() {
        return "Logs the schema the command works in.";
    }

    @Override
    public int run(CommandArguments arguments, PrintStream out, PrintStream err) {
        out.println(logSchema());
        return SUCCESS;
    }

    private String logSchema() {
        String schema = jdbc.queryForObject("SELECT current_schema()", String.class);
        log.info("working in {}", schema);
        return schema;
    }
}
