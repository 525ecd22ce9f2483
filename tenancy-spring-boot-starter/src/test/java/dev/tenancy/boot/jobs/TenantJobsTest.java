package dev.tenancy.boot.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.boot.TestAppTest;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.Trigger;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Jobs for every active tenant on the test database: tenant_alpha and tenant_beta are active, tenant_sleepy is
 * inactive and tenant_fresh is still being provisioned. The job reads tenant_alpha's note, which fails with an
 * empty result in every other tenant.
 */
@TestAppTest
class TenantJobsTest {

    private static final SchemaName ALPHA = SchemaName.of("tenant_alpha");
    private static final SchemaName BETA = SchemaName.of("tenant_beta");

    @Autowired
    TenantJobs jobs;

    @Autowired
    JdbcTemplate jdbc;

    private final Set<String> threads = ConcurrentHashMap.newKeySet();

    private final TenantJob<String> alphasNote = tenant -> {
        threads.add(Thread.currentThread().getName());
        assertThat(Tenants.currentOrNull()).isEqualTo(tenant);
        return jdbc.queryForObject("SELECT body FROM notes WHERE body = 'alpha note'", String.class);
    };

    @Test
    void aJobRunsInEveryActiveTenantAndReportsEachTenantsValueOrFailure() {
        TenantJobReport<String> report = jobs.runForEachActive(alphasNote);

        assertReportsAlphaSucceededAndBetaFailed(report);
        assertThat(threads).containsExactly(Thread.currentThread().getName());
        assertThat(Tenants.inPublic()).isTrue();
    }

    @Test
    void aJobRunInParallelReportsTheSameAsInTurnOnThreadsOfItsOwn() {
        TenantJobReport<String> report = jobs.runForEachActive(alphasNote, 2);

        assertReportsAlphaSucceededAndBetaFailed(report);
        assertThat(threads).allMatch(name -> name.startsWith("tenancy-job-"));
    }

    @Test
    void aJobForOneTenantRunsInThatTenant() {
        TenantJobResult<String> result = jobs.runFor(ALPHA, alphasNote);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.value()).isEqualTo("alpha note");
    }

    @Test
    void aJobForATenantThatIsNotActiveDoesNotRunAndSaysWhy() {
        AtomicBoolean ran = new AtomicBoolean();
        TenantJobResult<Object> result = jobs.runFor(SchemaName.of("tenant_sleepy"), tenant -> ran.getAndSet(true));

        assertThat(ran).isFalse();
        assertThat(result.error()).get().extracting(Throwable::getMessage)
                .isEqualTo("No ACTIVE tenant has the schema 'tenant_sleepy'; the job did not run.");
    }

    @Test
    void aReportWithFailuresThrowsThemAllWhenAsked() {
        TenantJobReport<String> report = jobs.runForEachActive(alphasNote);

        assertThatThrownBy(report::throwIfFailed)
                .isInstanceOf(TenantJobException.class)
                .hasMessageContaining("tenant_beta")
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(report.failures().size()));
    }

    @Test
    void aScheduledJobRunsInEveryActiveTenantAndHandsOverItsReport() throws Exception {
        CompletableFuture<TenantJobReport<String>> reported = new CompletableFuture<>();
        Trigger once = context -> context.lastCompletion() == null ? Instant.now() : null;

        jobs.scheduleForEachActive(once, alphasNote, reported::complete);

        assertReportsAlphaSucceededAndBetaFailed(reported.get(10, TimeUnit.SECONDS));
    }

    private static void assertReportsAlphaSucceededAndBetaFailed(TenantJobReport<String> report) {
        assertThat(report.values()).containsEntry(ALPHA, "alpha note").doesNotContainKey(BETA);
        assertThat(report.failures()).anySatisfy(failure -> {
            assertThat(failure.tenant()).isEqualTo(BETA);
            assertThat(failure.failure()).isInstanceOf(EmptyResultDataAccessException.class);
        });
        assertThat(report.results()).extracting(TenantJobResult::tenant)
                .contains(ALPHA, BETA)
                .doesNotContain(SchemaName.of("tenant_sleepy"), SchemaName.of("tenant_fresh"))
                .isSorted();
        assertThat(report.succeeded()).isFalse();
    }
}
