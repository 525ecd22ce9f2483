package dev.tenancy.boot.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.boot.TestAppTest;
import dev.tenancy.boot.testapp.AsyncSchemas;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.task.SimpleAsyncTaskExecutorBuilder;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Work handed to Spring's executors and schedulers runs in the tenant of the code that handed it over, and a
 * reused worker thread never keeps a previous task's tenant. Every task asks PostgreSQL which schema it works in, or
 * writes a row and the test looks where the row landed.
 */
@TestAppTest
class TenantFollowsTasksTest {

    private static final SchemaName ALPHA = SchemaName.of("tenant_alpha");
    private static final SchemaName BETA = SchemaName.of("tenant_beta");

    @Autowired
    AsyncSchemas async;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ThreadPoolTaskExecutorBuilder poolBuilder;

    @Autowired
    SimpleAsyncTaskExecutorBuilder simpleBuilder;

    @Autowired
    @Qualifier("applicationTaskExecutor")
    AsyncTaskExecutor applicationTaskExecutor;

    @Autowired
    TaskScheduler scheduler;

    @Test
    void asyncMethodsRunInTheTenantOfTheirCaller() throws Exception {
        assertThat(Tenants.call(ALPHA, async::schema).get(10, TimeUnit.SECONDS)).isEqualTo("tenant_alpha");
        assertThat(Tenants.call(BETA, async::schema).get(10, TimeUnit.SECONDS)).isEqualTo("tenant_beta");
        assertThat(Tenants.callInPublic(async::schema).get(10, TimeUnit.SECONDS)).isEqualTo("public");
    }

    @Test
    void aTaskStartedForOneTenantNeverWritesIntoAnotherOnAReusedPoolThread() throws Exception {
        ThreadPoolTaskExecutor pool = poolBuilder.corePoolSize(1).maxPoolSize(1).threadNamePrefix("one-").build();
        pool.initialize();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String body = "pool-write-" + i;
                writes.add(Tenants.call(i % 2 == 0 ? ALPHA : BETA, () -> pool.submit(() -> {
                    threads.add(Thread.currentThread().getName());
                    jdbc.update("INSERT INTO notes (body) VALUES (?)", body);
                })));
            }
            for (Future<?> write : writes) {
                write.get(10, TimeUnit.SECONDS);
            }
            assertThat(threads).hasSize(1);
            assertThat(poolWrites(ALPHA)).containsExactly("pool-write-0", "pool-write-2", "pool-write-4",
                    "pool-write-6", "pool-write-8");
            assertThat(poolWrites(BETA)).containsExactly("pool-write-1", "pool-write-3", "pool-write-5",
                    "pool-write-7", "pool-write-9");
        } finally {
            pool.shutdown();
            jdbc.update("DELETE FROM tenant_alpha.notes WHERE body LIKE 'pool-write-%'");
            jdbc.update("DELETE FROM tenant_beta.notes WHERE body LIKE 'pool-write-%'");
        }
    }

    @Test
    void aTaskSubmittedInPublicRunsInPublicOnThePoolThreadATenantsTaskJustUsed() throws Exception {
        ThreadPoolTaskExecutor pool = poolBuilder.corePoolSize(1).maxPoolSize(1).threadNamePrefix("reuse-").build();
        pool.initialize();
        try {
            Future<String> forAlpha = Tenants.call(ALPHA, () -> pool.submit(() ->
                    Thread.currentThread().getName() + "/" + schemaNow()));
            Future<String> inPublic = Tenants.callInPublic(() -> pool.submit(() ->
                    Thread.currentThread().getName() + "/" + schemaNow()));
            assertThat(forAlpha.get(10, TimeUnit.SECONDS)).isEqualTo("reuse-1/tenant_alpha");
            assertThat(inPublic.get(10, TimeUnit.SECONDS)).isEqualTo("reuse-1/public");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void completableFuturesOnSpringsExecutorCarryTheTenant() throws Exception {
        CompletableFuture<String> schema = Tenants.call(BETA, () ->
                CompletableFuture.supplyAsync(this::schemaNow, applicationTaskExecutor));
        assertThat(schema.get(10, TimeUnit.SECONDS)).isEqualTo("tenant_beta");
    }

    @Test
    void theTaskSchedulerRunsATaskInTheTenantThatScheduledIt() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        Future<?> run = Tenants.call(ALPHA, () -> scheduler.schedule(() -> seen.set(schemaNow()), Instant.now()));
        run.get(10, TimeUnit.SECONDS);
        assertThat(seen).hasValue("tenant_alpha");
    }

    @Test
    void aSimpleAsyncTaskExecutorFromBootsBuilderCarriesTheTenant() throws Exception {
        SimpleAsyncTaskExecutor executor = simpleBuilder.build();
        assertThat(Tenants.call(BETA, () -> executor.submit(this::schemaNow)).get(10, TimeUnit.SECONDS))
                .isEqualTo("tenant_beta");
        assertThat(Tenants.callInPublic(() -> executor.submit(this::schemaNow)).get(10, TimeUnit.SECONDS))
                .isEqualTo("public");
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void virtualThreadsFromBootsBuilderCarryTheTenant() throws Exception {
        SimpleAsyncTaskExecutor executor = simpleBuilder.virtualThreads(true).build();
        assertThat(Tenants.call(ALPHA, () -> executor.submit(this::schemaNow)).get(10, TimeUnit.SECONDS))
                .isEqualTo("tenant_alpha");
    }

    @Test
    void aMicrometerContextSnapshotCarriesTheTenantAndRestoresTheThreadAfterwards() throws Exception {
        ContextSnapshot snapshot = Tenants.call(BETA, () -> ContextSnapshotFactory.builder().build().captureAll());
        ExecutorService plain = Executors.newSingleThreadExecutor();
        try {
            Future<String> during = plain.submit(() -> {
                try (ContextSnapshot.Scope ignored = snapshot.setThreadLocals()) {
                    return schemaNow();
                }
            });
            assertThat(during.get(10, TimeUnit.SECONDS)).isEqualTo("tenant_beta");
            assertThat(plain.submit(this::schemaNow).get(10, TimeUnit.SECONDS)).isEqualTo("public");
        } finally {
            plain.shutdown();
        }
    }

    private String schemaNow() {
        return jdbc.queryForObject("SELECT current_schema()", String.class);
    }

    private List<String> poolWrites(SchemaName tenant) {
        return jdbc.queryForList("SELECT body FROM " + tenant.quoted() + ".notes WHERE body LIKE 'pool-write-%' "
                + "ORDER BY id", String.class);
    }
}
