package dev.tenancy.boot.testapp;

import dev.tenancy.boot.jobs.TenantScheduled;
import dev.tenancy.core.SchemaName;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A job scheduled for every active tenant: records, per tenant, the schema PostgreSQL worked in. */
@Component
public class ScheduledSchemas {

    private final JdbcTemplate jdbc;
    private final Map<SchemaName, String> seen = new ConcurrentHashMap<>();

    ScheduledSchemas(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @TenantScheduled(fixedDelay = "${test.tenant-scheduled.delay:2s}")
    void record(SchemaName tenant) {
        seen.put(tenant, jdbc.queryForObject("SELECT current_schema()", String.class));
    }

    /** The schema each tenant's run worked in, by tenant. */
    public Map<SchemaName, String> seen() {
        return Map.copyOf(seen);
    }
}
