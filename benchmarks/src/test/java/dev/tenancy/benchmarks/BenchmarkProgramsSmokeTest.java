package dev.tenancy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.benchmarks.commands.CommandStartBenchmark;
import dev.tenancy.benchmarks.http.PlanCountBenchmark;
import dev.tenancy.benchmarks.http.RequestOverheadBenchmark;
import dev.tenancy.benchmarks.migration.FleetMigrationBenchmark;
import dev.tenancy.benchmarks.migration.ProvisionedFleetBenchmark;
import dev.tenancy.benchmarks.pooler.PoolerModeBenchmark;
import dev.tenancy.benchmarks.provisioning.ProvisioningBenchmark;
import dev.tenancy.benchmarks.scale.ScaleBenchmark;
import dev.tenancy.benchmarks.testsupport.TenantTestBenchmark;
import dev.tenancy.test.postgres.TestPgBouncer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Keeps the harness working: every benchmark program runs once with the smallest sizes (a few tenants, a second of
 * load) and must print its result lines. Nothing here looks at a time; the figures come from {@code run.sh}.
 */
class BenchmarkProgramsSmokeTest {

    @Test
    void requestOverheadBenchmarkReportsTenancyAndThePeersAgainstTheUntenantedBaselineOnBothPages() throws Exception {
        String output = run(() -> RequestOverheadBenchmark.main(new String[] {"--tenants=3", "--clients=2",
            "--duration=1", "--warmup=1", "--warmup-max=1", "--rounds=1", "--page=one-read,realistic",
            "--distribution=zipf",
            "--variants=untenanted,hibernate-schema-mapper,apartment",
            "--define-variant=roles-pooler:tenancy-roles:--tenancy.pooler.transaction-mode=true",
            "--scenario=smoke", "--load=java", "--heap=256m"}));

        for (String traffic : new String[] {"one-read/zipf1.1/3", "realistic/zipf1.1/3"}) {
            assertThat(output).containsPattern("warm-up untenanted +" + traffic + " +\\d+ s with 8 clients .*windows'"
                    + " req/s / JIT ms: \\d+/-?\\d+.*; then \\d+ req/s with 2 clients");
            for (String variant : new String[] {"untenanted", "hibernate-schema-mapper", "apartment",
                "roles-pooler"}) {
                assertThat(output).containsPattern("RESULT request-overhead scenario=smoke traffic=" + traffic
                        + " clients=2 variant=" + variant + " postgres=\\d+\\.\\d+\\S* throughput=\\d+ ratio=[\\d.]+"
                        + " ratio_range=[\\d.]+-[\\d.]+ .* cpu_ratio_range=[\\d.]+-[\\d.]+"
                        + " alloc_bytes_per_request=\\d+ alloc_range=\\d+-\\d+ .*"
                        + " (backends=\\d+ backend_pss_mb=[\\d.]+ .*|backend_pss=not-measured )rounds_req_s=\\d+"
                        + " rounds_cpu_us=\\d+ ");
            }
        }
    }

    @Test
    void planCountBenchmarkCountsPlansWithLabelsOffAndOn() throws Exception {
        String output = run(() -> PlanCountBenchmark.main(new String[] {"--tenants=3", "--pool=2", "--reads=60"}));

        assertThat(output)
                .containsPattern("RESULT plan-count labels=off tenants=3 pool=2 reads=60 calls=60 plans=\\d+")
                .containsPattern("RESULT plan-count labels=on tenants=3 pool=2 reads=60 calls=60 plans=\\d+");
    }

    @Test
    void scaleBenchmarkReportsStartUpHeapAndBackendMemory() throws Exception {
        String output = run(() -> ScaleBenchmark.main(new String[] {"--tenants=3", "--starts=1",
            "--variants=tenancy", "--heap=256m"}));

        assertThat(output).containsPattern("RESULT scale tenants=3 variant=tenancy startup_ms=\\d+ .*"
                + "heap_after_requests_mb=[\\d.]+ backend_max_mb=[\\d.]+ .*backend_after_recycle_mb=[\\d.]+");
    }

    @Test
    void fleetMigrationBenchmarkComparesTheOrchestratorWithAPlainFlywayLoop() throws Exception {
        String output = run(() -> FleetMigrationBenchmark.main(new String[] {"3", "1"}));

        assertThat(output).contains("RESULT fleet-migration tenants=3 nothing-to-do: TenantMigrator");
    }

    @Test
    void provisionedFleetBenchmarkShowsTheFirstMigrationRunSkippingEveryProvisionedTenant() throws Exception {
        String output = run(() -> ProvisionedFleetBenchmark.main(new String[] {"3", "1"}));

        assertThat(output).contains("RESULT provisioned-fleet tenants=3 first migrate-schemas --tenant",
                "(3 of 3 schemas skipped through the ledger");
    }

    @Test
    void commandStartBenchmarkComparesAQuietCommandWithTheApplicationStart() throws Exception {
        String output = run(() -> CommandStartBenchmark.main(new String[] {"--tenants=3", "--runs=1"}));

        assertThat(output).contains("RESULT command-start tenants=3 list-tenants median",
                "(stdout 5 lines, stderr 0 lines)");
    }

    @Test
    void provisioningBenchmarkComparesTheTemplateWithMigrations() throws Exception {
        String output = run(() -> ProvisioningBenchmark.main(new String[] {"1", "3"}));

        assertThat(output).contains("RESULT provisioning from-template p50=");
    }

    @Test
    void tenantTestBenchmarkComparesBothModesWithTestsWithoutTenancy() throws Exception {
        String output = run(() -> TenantTestBenchmark.main(new String[] {"1"}));

        assertThat(output).contains("RESULT tests REUSED later-class set-up");
    }

    @Test
    void checkoutBenchmarkMeasuresEveryWayOfCheckingOut() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(CheckoutBenchmark.class.getName())
                .param("tenants", "2")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .build()).run();

        assertThat(results).extracting(result -> result.getParams().getBenchmark())
                .containsExactlyInAnyOrder(CheckoutBenchmark.class.getName() + ".baseline",
                        CheckoutBenchmark.class.getName() + ".baselineSettingPath",
                        CheckoutBenchmark.class.getName() + ".tenantAware",
                        CheckoutBenchmark.class.getName() + ".tenantAwareWithRoles",
                        CheckoutBenchmark.class.getName() + ".tenantAwareAffine",
                        CheckoutBenchmark.class.getName() + ".tenantAwareZipf",
                        CheckoutBenchmark.class.getName() + ".tenantAwareAffineZipf");
    }

    @Test
    void affinityCostComparesTheDataSourceWithoutAndWithTenantAffinity() throws Exception {
        String output = run(() -> AffinityCost.main(new String[] {"3", "40", "1", "2", "zipf"}));

        assertThat(output)
                .containsPattern("RESULT affinity-cost block=1 variant=plain +set_config=1\\.000 pg_us=")
                .containsPattern("RESULT affinity-cost block=1 variant=affine +set_config=[\\d.]+ pg_us=")
                .containsPattern("RESULT connect-and-read median_us=\\d+");
    }

    @Test
    void poolerModeBenchmarkComparesTheTransactionModeWithTheDefault() throws Exception {
        Assumptions.assumeTrue(TestPgBouncer.isInstalled(), "PgBouncer is not installed (apt-get install pgbouncer): "
                + "skipping the benchmark behind it.");
        String output = run(() -> PoolerModeBenchmark.main(new String[] {"--rounds=1", "--ops=20"}));

        assertThat(output)
                .containsPattern("RESULT pooler-mode work=auto-commit-read setup=session-direct us_per_op=\\d+")
                .containsPattern("RESULT pooler-mode work=transaction setup=transaction-pgbouncer us_per_op=\\d+");
    }

    /** Runs a program and returns what it printed. */
    private static String run(Program program) throws Exception {
        PrintStream standardOut = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            program.run();
        } finally {
            System.setOut(standardOut);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        standardOut.print(output);
        return output;
    }

    private interface Program {
        void run() throws Exception;
    }
}
