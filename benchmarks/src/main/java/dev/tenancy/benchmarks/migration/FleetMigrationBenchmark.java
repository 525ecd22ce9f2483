package dev.tenancy.benchmarks.migration;

import dev.tenancy.benchmarks.harness.Machine;
import dev.tenancy.core.migration.TenantMigrator;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestPostgres;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import org.flywaydb.core.Flyway;

/**
 * Measures fleet migrations over N tenant schemas of 25 tables each, on the embedded PostgreSQL of the tests (or
 * {@code TENANCY_TEST_JDBC_URL}): a plain per-schema Flyway loop that changes nothing, then {@link TenantMigrator}
 * on the same schemas (first run with an empty ledger, no-op runs, one new migration applied to all), with the time
 * and the heap (peak of the heap pools, and the largest heap left after a GC) of each phase.
 *
 * <p>Run it with {@code benchmarks/run.sh}, or by itself after {@code ./mvnw -q -pl benchmarks -am package
 * -DskipTests}:
 * <pre>{@code
 * java -Xmx512m -cp benchmarks/target/classes:$(cat benchmarks/target/benchmark-classpath.txt) \
 *     dev.tenancy.benchmarks.migration.FleetMigrationBenchmark 1000 2
 * }</pre>
 * Arguments: number of tenants (default 1000), migration workers (default 2).
 */
public final class FleetMigrationBenchmark {

    private static final int TABLES = 25;
    private static final String TENANT_TABLES = """
            CREATE TABLE public.tenants (
                id bigserial PRIMARY KEY,
                schema_name varchar(63) NOT NULL UNIQUE,
                auto_create_schema boolean NOT NULL DEFAULT true,
                auto_drop_schema boolean NOT NULL DEFAULT false,
                status varchar(20) NOT NULL DEFAULT 'PROVISIONING',
                name varchar(100) NOT NULL
            );
            CREATE TABLE public.domains (
                id bigserial PRIMARY KEY,
                domain varchar(253) NOT NULL UNIQUE,
                tenant_id bigint NOT NULL REFERENCES public.tenants(id) ON DELETE CASCADE,
                is_primary boolean NOT NULL DEFAULT false
            );
            CREATE UNIQUE INDEX domains_one_primary_per_tenant ON public.domains (tenant_id) WHERE is_primary;
            """;

    private final int tenants;
    private final int workers;
    private final HikariDataSource pool;
    private final Path sharedSet;
    private final Path tenantSet;
    private final AtomicLong liveHeapAfterGc = new AtomicLong();
    private final AtomicLong phaseStartedAt = new AtomicLong();

    private FleetMigrationBenchmark(int tenants, int workers, TestDatabase database) throws IOException {
        this.tenants = tenants;
        this.workers = workers;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(workers + 1);
        this.pool = new HikariDataSource(config);
        this.sharedSet = Files.createTempDirectory("benchmark-shared");
        Files.writeString(sharedSet.resolve("V1__tenants_and_domains.sql"), TENANT_TABLES);
        this.tenantSet = Files.createTempDirectory("benchmark-tenant");
        for (int table = 1; table <= TABLES; table++) {
            Files.writeString(tenantSet.resolve("V" + table + "__table_" + table + ".sql"), "CREATE TABLE t" + table
                    + " (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),"
                    + " amount numeric(12, 2));\n");
        }
        watchGarbageCollections();
    }

    public static void main(String[] args) throws Exception {
        int tenants = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        try (TestDatabase database = TestPostgres.server().createDatabase("fleet_benchmark")) {
            new FleetMigrationBenchmark(tenants, workers, database).run();
        }
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "%d tenant schemas of %d tables, %d workers, Flyway %s%nMachine: %s%n",
                tenants, TABLES, workers, flywayVersion(), Machine.describe());
        TenantMigrator migrator = migrator();
        migrator.migrateShared().throwIfFailed();
        phase("set-up: " + tenants + " tenant schemas (cloned from a migrated template)", () -> {
            createTenants();
            return "";
        });
        double loop = phase("plain Flyway loop, nothing to do", () -> {
            for (int i = 0; i < tenants; i++) {
                Flyway.configure().dataSource(pool).schemas(schema(i)).defaultSchema(schema(i))
                        .locations("filesystem:" + tenantSet).load().migrate();
            }
            return "";
        });
        phase("TenantMigrator, first run (empty ledger)", () -> migrator.migrateTenants().summary());
        double noOp = phase("TenantMigrator, nothing to do", () -> migrator.migrateTenants().summary());
        phase("TenantMigrator migrateAll, nothing to do", () -> migrator.migrateAll().summary());
        Files.writeString(tenantSet.resolve("V" + (TABLES + 1) + "__archived_notes.sql"),
                "ALTER TABLE t1 ADD COLUMN archived_at timestamptz;\n");
        phase("TenantMigrator, one new migration for every schema", () -> migrator.migrateTenants().summary());
        phase("TenantMigrator, nothing to do again", () -> migrator.migrateTenants().summary());
        pool.close();
        System.out.printf(Locale.ROOT, "RESULT fleet-migration tenants=%d nothing-to-do: TenantMigrator %.2f s vs plain"
                + " Flyway loop %.2f s, ratio %.4f (load %s)%n", tenants, noOp, loop, noOp / loop,
                Machine.loadAverage());
    }

    private TenantMigrator migrator() {
        return TenantMigrator.builder(pool)
                .sharedLocations("filesystem:" + sharedSet)
                .tenantLocations("filesystem:" + tenantSet)
                .parallelism(workers)
                .build();
    }

    private void createTenants() throws Exception {
        Flyway.configure().dataSource(pool).schemas("bench_template").defaultSchema("bench_template")
                .createSchemas(true).locations("filesystem:" + tenantSet).load().migrate();
        sql("INSERT INTO public.tenants (schema_name, status, name) SELECT 'tenant_' || lpad(i::text, 6, '0'),"
                + " 'ACTIVE', 'Tenant ' || i FROM generate_series(0, " + (tenants - 1) + ") i");
        ExecutorService clones = Executors.newFixedThreadPool(workers);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < tenants; i++) {
            String schema = schema(i);
            done.add(clones.submit(() -> {
                StringBuilder clone = new StringBuilder("CREATE SCHEMA " + schema + ";");
                for (int table = 1; table <= TABLES; table++) {
                    clone.append("CREATE TABLE ").append(schema).append(".t").append(table)
                            .append(" (LIKE bench_template.t").append(table).append(" INCLUDING ALL);");
                }
                clone.append("CREATE TABLE ").append(schema).append(".flyway_schema_history (LIKE bench_template")
                        .append(".flyway_schema_history INCLUDING ALL); INSERT INTO ").append(schema)
                        .append(".flyway_schema_history SELECT * FROM bench_template.flyway_schema_history");
                sql(clone.toString());
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        clones.shutdown();
        sql("DROP SCHEMA bench_template CASCADE");
        sql("VACUUM ANALYZE");
    }

    private static String schema(int i) {
        return String.format(Locale.ROOT, "tenant_%06d", i);
    }

    /** Runs and reports one phase; returns its time in seconds. */
    private double phase(String name, Callable<String> work) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        phaseStartedAt.set(ManagementFactory.getRuntimeMXBean().getUptime());
        liveHeapAfterGc.set(-1);
        long start = System.nanoTime();
        String outcome = work.call();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        long live = liveHeapAfterGc.get();
        System.out.printf(Locale.ROOT, "RESULT fleet-migration %-55s %8.2f s  %7.2f ms/schema  heap peak %4d MB, max"
                + " after GC %s%n",
                name, seconds, seconds * 1000 / tenants, peak >> 20, live < 0 ? "(no GC)" : (live >> 20) + " MB");
        if (!outcome.isEmpty()) {
            System.out.println("    " + outcome.lines().findFirst().orElse(""));
        }
        return seconds;
    }

    private void watchGarbageCollections() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                GcInfo gc = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                        .getGcInfo();
                if (gc.getStartTime() >= phaseStartedAt.get()) {
                    long used = gc.getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
                    liveHeapAfterGc.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
    }

    /** The version of the Flyway on the class path, from the file Flyway itself reads it from. */
    private static String flywayVersion() {
        try (InputStream in = Flyway.class.getResourceAsStream("/org/flywaydb/core/internal/version.txt")) {
            return in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void sql(String sql) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
