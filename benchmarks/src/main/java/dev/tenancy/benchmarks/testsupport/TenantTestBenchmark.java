package dev.tenancy.benchmarks.testsupport;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.tenancy.benchmarks.harness.Machine;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.migration.TenantMigrator;
import dev.tenancy.test.TenantTest;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestPostgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What {@link TenantTest} costs (not a test; surefire does not run it). The same 200 tests (20 classes of 10, each
 * test inserting a row and counting the rows through JDBC) run three ways in one JVM: without tenancy (on a plain
 * schema of a database of their own), with {@code @TenantTest} in REUSED mode and in FRESH mode. Each suite runs once
 * to warm up and then {@value #RUNS} times; every run is a test run of its own, so its first class also pays for the
 * test database and the first tenant. Per class, the set-up is the time from the class's start to its first test plus
 * the time from its last test to the class's end (tenant acquired, released, data checked and reset).
 *
 * <p>The tests' schema comes from {@code db/test-benchmark} (categories, notes, users: the test support module's own
 * test schema). Run it with {@code benchmarks/run.sh}, or by itself after {@code ./mvnw -q -pl benchmarks -am package
 * -DskipTests}:
 * <pre>
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/benchmark-classpath.txt) \
 *     dev.tenancy.benchmarks.testsupport.TenantTestBenchmark
 * </pre>
 * Argument: the measured runs per suite (default {@value #RUNS}).
 */
public final class TenantTestBenchmark {

    private static final int RUNS = 3;
    private static final String SHARED_MIGRATIONS = "classpath:db/test-benchmark/shared";
    private static final String TENANT_MIGRATIONS = "classpath:db/test-benchmark/tenant";

    static volatile DataSource baseline;

    private TenantTestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : RUNS;
        try (TestDatabase database = TestPostgres.server().createDatabase("benchmark_baseline");
             HikariDataSource pool = baselinePool(database)) {
            System.out.println("Machine: " + Machine.describe());
            try (HikariDataSource migrations = baselinePool(database)) {   // the migrator leaves its connections on public
                TenantMigrator.builder(migrations).tenantLocations(TENANT_MIGRATIONS).build()
                        .migrate(SchemaName.of("baseline"));
            }
            baseline = pool;
            Launcher launcher = LauncherFactory.create();
            Result without = measure(launcher, runs, "without tenancy", baselineClasses());
            Result reused = measure(launcher, runs, "@TenantTest REUSED", reusedClasses());
            Result fresh = measure(launcher, runs, "@TenantTest FRESH", freshClasses());
            double reusedOver = reused.totalMillis - without.totalMillis;
            System.out.printf(Locale.ROOT, "%n200 tests, REUSED over without tenancy: %+.2f s (per test %+.1f ms)%n",
                    reusedOver / 1000, reusedOver / 200);
            System.out.printf(Locale.ROOT, "200 tests, FRESH over without tenancy:  %+.2f s%n",
                    (fresh.totalMillis - without.totalMillis) / 1000);
            System.out.printf(Locale.ROOT, "RESULT tests REUSED later-class set-up median %.1f ms, max %.1f ms;"
                    + " 200 tests %+.2f s over %.0f ms without tenancy (ratio %.2f); FRESH %+.2f s (load %s)%n",
                    reused.laterClassMedianMillis, reused.laterClassMaxMillis, reusedOver / 1000,
                    without.totalMillis, reused.totalMillis / without.totalMillis,
                    (fresh.totalMillis - without.totalMillis) / 1000, Machine.loadAverage());
        }
    }

    private static HikariDataSource baselinePool(TestDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(8);
        config.setConnectionInitSql("SET search_path TO baseline, public");
        return new HikariDataSource(config);
    }

    private static Result measure(Launcher launcher, int runs, String name, Class<?>... classes) {
        run(launcher, classes);
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            results.add(run(launcher, classes));
        }
        results.sort((a, b) -> Double.compare(a.totalMillis, b.totalMillis));
        Result median = results.get(runs / 2);
        System.out.printf(Locale.ROOT, "%-20s total %6.0f ms | first class set-up %6.1f ms | later classes' set-up: "
                + "median %5.1f ms, max %5.1f ms%n", name, median.totalMillis, median.firstClassMillis,
                median.laterClassMedianMillis, median.laterClassMaxMillis);
        return median;
    }

    private static Result run(Launcher launcher, Class<?>... classes) {
        Timings timings = new Timings();
        long start = System.nanoTime();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(classes).map(type -> selectClass(type)).toArray(DiscoverySelector[]::new))
                .build(), timings);
        double total = (System.nanoTime() - start) / 1e6;
        if (timings.failures > 0 || timings.tests != 200) {
            throw new IllegalStateException(timings.tests + " tests ran, " + timings.failures + " failed");
        }
        List<Double> later = new ArrayList<>(timings.setUps.subList(1, timings.setUps.size()));
        Collections.sort(later);
        return new Result(total, timings.setUps.get(0), later.get(later.size() / 2), later.get(later.size() - 1));
    }

    private record Result(double totalMillis, double firstClassMillis, double laterClassMedianMillis,
            double laterClassMaxMillis) {
    }

    /** Per-class set-up: class start to first test start, plus last test end to class end. */
    private static final class Timings implements TestExecutionListener {
        final Map<String, Long> classStart = new ConcurrentHashMap<>();
        final Map<String, Long> beforeFirstTest = new ConcurrentHashMap<>();
        final Map<String, Long> lastTestEnd = new ConcurrentHashMap<>();
        final List<Double> setUps = Collections.synchronizedList(new ArrayList<>());
        int tests;
        int failures;

        @Override
        public void executionStarted(TestIdentifier identifier) {
            long now = System.nanoTime();
            if (isClass(identifier)) {
                classStart.put(identifier.getUniqueId(), now);
            } else if (identifier.isTest()) {
                String parent = identifier.getParentId().orElseThrow();
                beforeFirstTest.computeIfAbsent(parent, key -> now - classStart.get(key));
            }
        }

        @Override
        public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            long now = System.nanoTime();
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                failures++;
                result.getThrowable().ifPresent(Throwable::printStackTrace);
            }
            if (identifier.isTest()) {
                tests++;
                lastTestEnd.put(identifier.getParentId().orElseThrow(), now);
            } else if (isClass(identifier)) {
                String id = identifier.getUniqueId();
                setUps.add((beforeFirstTest.get(id) + now - lastTestEnd.get(id)) / 1e6);
            }
        }

        private static boolean isClass(TestIdentifier identifier) {
            return identifier.getSource().filter(ClassSource.class::isInstance).isPresent();
        }
    }

    /** The 10 tests of every benchmark class. */
    abstract static class Tests {
        @Test void t01(DataSource dataSource) throws SQLException { work(dataSource); }
        @Test void t02(DataSource dataSource) throws SQLException { work(dataSource); }
        @Test void t03(DataSource dataSource) throws SQLException { work(dataSource); }
        @Test void t04(DataSource dataSource) throws SQLException { work(dataSource); }
        @Test void t05(DataSource dataSource) throws SQLException { work(dataSource); }
        @Test void t06(DataSource dataSource) throws SQLException { work(dataSource); }
        @Test void t07(DataSource dataSource) throws SQLException { work(dataSource); }
        @Test void t08(DataSource dataSource) throws SQLException { work(dataSource); }
        @Test void t09(DataSource dataSource) throws SQLException { work(dataSource); }
        @Test void t10(DataSource dataSource) throws SQLException { work(dataSource); }
    }

    static void work(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO notes (body, category_id) VALUES ('benchmark', 1)");
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM notes")) {
                rows.next();
            }
        }
    }

    /** Gives the baseline tests the plain schema's pool. */
    static final class BaselineDataSource implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == DataSource.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return baseline;
        }
    }

    @ExtendWith(BaselineDataSource.class)
    abstract static class Baseline extends Tests {
    }

    @TenantTest(schema = "bench_reused", sharedMigrations = SHARED_MIGRATIONS, tenantMigrations = TENANT_MIGRATIONS)
    abstract static class Reused extends Tests {
    }

    @TenantTest(schema = "bench_fresh", mode = TenantTest.Mode.FRESH, sharedMigrations = SHARED_MIGRATIONS,
            tenantMigrations = TENANT_MIGRATIONS)
    abstract static class Fresh extends Tests {
    }

    private static Class<?>[] baselineClasses() {
        return new Class<?>[] {B01.class, B02.class, B03.class, B04.class, B05.class, B06.class, B07.class, B08.class,
            B09.class, B10.class, B11.class, B12.class, B13.class, B14.class, B15.class, B16.class, B17.class,
            B18.class, B19.class, B20.class};
    }

    private static Class<?>[] reusedClasses() {
        return new Class<?>[] {R01.class, R02.class, R03.class, R04.class, R05.class, R06.class, R07.class, R08.class,
            R09.class, R10.class, R11.class, R12.class, R13.class, R14.class, R15.class, R16.class, R17.class,
            R18.class, R19.class, R20.class};
    }

    private static Class<?>[] freshClasses() {
        return new Class<?>[] {F01.class, F02.class, F03.class, F04.class, F05.class, F06.class, F07.class, F08.class,
            F09.class, F10.class, F11.class, F12.class, F13.class, F14.class, F15.class, F16.class, F17.class,
            F18.class, F19.class, F20.class};
    }

    static class B01 extends Baseline { } static class B02 extends Baseline { } static class B03 extends Baseline { }
    static class B04 extends Baseline { } static class B05 extends Baseline { } static class B06 extends Baseline { }
    static class B07 extends Baseline { } static class B08 extends Baseline { } static class B09 extends Baseline { }
    static class B10 extends Baseline { } static class B11 extends Baseline { } static class B12 extends Baseline { }
    static class B13 extends Baseline { } static class B14 extends Baseline { } static class B15 extends Baseline { }
    static class B16 extends Baseline { } static class B17 extends Baseline { } static class B18 extends Baseline { }
    static class B19 extends Baseline { } static class B20 extends Baseline { }

    static class R01 extends Reused { } static class R02 extends Reused { } static class R03 extends Reused { }
    static class R04 extends Reused { } static class R05 extends Reused { } static class R06 extends Reused { }
    static class R07 extends Reused { } static class R08 extends Reused { } static class R09 extends Reused { }
    static class R10 extends Reused { } static class R11 extends Reused { } static class R12 extends Reused { }
    static class R13 extends Reused { } static class R14 extends Reused { } static class R15 extends Reused { }
    static class R16 extends Reused { } static class R17 extends Reused { } static class R18 extends Reused { }
    static class R19 extends Reused { } static class R20 extends Reused { }

    static class F01 extends Fresh { } static class F02 extends Fresh { } static class F03 extends Fresh { }
    static class F04 extends Fresh { } static class F05 extends Fresh { } static class F06 extends Fresh { }
    static class F07 extends Fresh { } static class F08 extends Fresh { } static class F09 extends Fresh { }
    static class F10 extends Fresh { } static class F11 extends Fresh { } static class F12 extends Fresh { }
    static class F13 extends Fresh { } static class F14 extends Fresh { } static class F15 extends Fresh { }
    static class F16 extends Fresh { } static class F17 extends Fresh { } static class F18 extends Fresh { }
    static class F19 extends Fresh { } static class F20 extends Fresh { }
}
