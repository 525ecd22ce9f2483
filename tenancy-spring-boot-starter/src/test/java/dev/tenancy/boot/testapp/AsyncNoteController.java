package dev.tenancy.boot.testapp;

import dev.tenancy.boot.web.TenantEndpoint;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

/** Tenant-only: the current tenant's notes, answered asynchronously in each of Spring MVC's ways. */
@RestController
@TenantEndpoint
class AsyncNoteController {

    private final JdbcTemplate jdbc;
    private final AsyncSchemas async;

    AsyncNoteController(JdbcTemplate jdbc, AsyncSchemas async) {
        this.jdbc = jdbc;
        this.async = async;
    }

    @GetMapping("/async/callable")
    Callable<List<String>> callable() {
        return this::notes;
    }

    @GetMapping("/async/stream")
    StreamingResponseBody stream() {
        return out -> out.write(String.join(",", notes()).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/async/deferred")
    DeferredResult<List<String>> deferred() {
        DeferredResult<List<String>> result = new DeferredResult<>();
        async.notes().whenComplete((notes, failure) -> {
            if (failure == null) {
                result.setResult(notes);
            } else {
                result.setErrorResult(failure);
            }
        });
        return result;
    }

    private List<String> notes() {
        return jdbc.queryForList("SELECT body FROM notes ORDER BY id", String.class);
    }
}
