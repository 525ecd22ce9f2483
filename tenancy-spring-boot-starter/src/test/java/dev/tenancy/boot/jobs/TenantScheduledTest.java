package dev.tenancy.boot.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.boot.TestAppTest;
import dev.tenancy.boot.testapp.ScheduledSchemas;
import dev.tenancy.core.SchemaName;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A {@code @TenantScheduled} method runs in every active tenant, in that tenant's schema, and in no other. */
@TestAppTest
class TenantScheduledTest {

    private static final SchemaName ALPHA = SchemaName.of("tenant_alpha");
    private static final SchemaName BETA = SchemaName.of("tenant_beta");

    @Autowired
    ScheduledSchemas scheduled;

    @Test
    void aTenantScheduledMethodRunsInEachActiveTenantsSchema() throws InterruptedException {
        Map<SchemaName, String> seen = awaitRunsFor(ALPHA, BETA);

        assertThat(seen).containsEntry(ALPHA, "tenant_alpha").containsEntry(BETA, "tenant_beta")
                .doesNotContainKeys(SchemaName.of("tenant_sleepy"), SchemaName.of("tenant_fresh"));
        seen.forEach((tenant, schema) -> assertThat(schema).isEqualTo(tenant.value()));
    }

    private Map<SchemaName, String> awaitRunsFor(SchemaName... tenants) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Map<SchemaName, String> seen = scheduled.seen();
        while (!seen.keySet().containsAll(List.of(tenants)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            seen = scheduled.seen();
        }
        return seen;
    }
}
