package dev.tenancy.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.core.TenantConflictException;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

@ExtendWith(TestDatabaseExtension.class)
class ConcurrentCreationTest {

    private static final int THREADS = 6;

    private static ProvisioningFixture fixture;
    private static TenantProvisioner provisioner;

    @BeforeAll
    static void database(TestDatabase database) {
        fixture = new ProvisioningFixture(database, 2 * THREADS + 2);
        provisioner = fixture.provisioner().build();
        provisioner.refreshTemplate();
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @BeforeEach
    void noTenants() {
        fixture.reset();
    }

    /** Runs the tasks on their own threads, all released at once; returns each one's result or exception. */
    private static List<Object> race(List<Callable<TenantInfo>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<TenantInfo> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return task.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdown();
        }
    }

    @RepeatedTest(3)
    void ofConcurrentCreationsOfOneSubdomainExactlyOneSucceeds() throws Exception {
        List<Callable<TenantInfo>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String subdomain = i % 2 == 0 ? "racer" : "RACER";
            String name = "Racer " + i;
            tasks.add(() -> provisioner.create(TenantRequest.subdomain(subdomain).value("name", name)));
        }

        List<Object> outcomes = race(tasks);

        assertThat(outcomes).filteredOn(TenantInfo.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !(outcome instanceof TenantInfo))
                .hasSize(THREADS - 1).allSatisfy(outcome ->
                        assertThat(outcome).isInstanceOf(TenantConflictException.class));
        assertThat(fixture.tenants()).containsExactly("tenant_racer:ACTIVE");
        assertThat(fixture.domains()).containsExactly("racer.localhost:tenant_racer:true");
        assertThat(fixture.schemas()).containsExactly("tenant_racer");
        assertThat(fixture.ledger()).isEmpty();
    }

    @Test
    void differentTenantsAreCreatedSideBySide() throws Exception {
        List<Callable<TenantInfo>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String subdomain = "parallel" + i;
            tasks.add(() -> provisioner.create(TenantRequest.subdomain(subdomain).value("name", subdomain)));
        }

        List<Object> outcomes = race(tasks);

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(TenantInfo.class));
        assertThat(fixture.tenants()).hasSize(THREADS).allSatisfy(row -> assertThat(row).endsWith(":ACTIVE"));
        assertThat(fixture.schemas()).hasSize(THREADS);
    }

    @Test
    void twoTenantsClaimingOneDomainAtOnceLeaveItToExactlyOne() throws Exception {
        List<Callable<TenantInfo>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String subdomain = "claimant" + i;
            tasks.add(() -> provisioner.create(TenantRequest.subdomain(subdomain).domain("shared.example.test")
                    .value("name", subdomain)));
        }

        List<Object> outcomes = race(tasks);

        assertThat(outcomes).filteredOn(TenantInfo.class::isInstance).hasSize(1);
        assertThat(fixture.tenants()).hasSize(1);
        assertThat(fixture.schemas()).hasSize(1);
        assertThat(fixture.strings("SELECT domain FROM public.domains WHERE domain = 'shared.example.test'"))
                .hasSize(1);
    }
}
