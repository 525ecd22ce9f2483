package dev.tenancy.benchmarks.http;

import dev.tenancy.benchmarks.harness.CpuMeter;
import dev.tenancy.benchmarks.harness.Machine;
import dev.tenancy.benchmarks.harness.Options;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.jdbc.TenantAwareDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What one checkout plus a primary-key read costs the calling thread and PostgreSQL (issue 18), without a web stack
 * around it: through the plain pool (untenanted), the pool with one {@code SET search_path TO public} per checkout
 * (SET-only), and {@link TenantAwareDataSource} with every read for one tenant or spread over many, labels on and
 * off. Single-threaded, so the calling thread's CPU time and the bytes it allocated
 * ({@code com.sun.management.ThreadMXBean}) are Tenancy's and the driver's own work, hardly touched by the
 * machine's load; PostgreSQL's CPU comes from {@code /proc}, and {@code pg_stat_statements} (preloaded on an embedded
 * server of its own) tells, per statement, how often it was planned and how long planning and execution took.
 *
 * <p>Arguments (all optional): {@code --tenants=100 --pool=4 --reads=20000 --rounds=3
 * --variants=untenanted,set-only,tenancy-one,tenancy,tenancy-unlabelled}.
 */
public final class CheckoutCostBenchmark {

    private static final String READ = "SELECT id, name FROM items WHERE id = ?";

    private CheckoutCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("tenants", "100");
        defaults.put("pool", "4");
        defaults.put("reads", "20000");
        defaults.put("rounds", "3");
        defaults.put("variants", "untenanted,set-only,tenancy-one,tenancy,tenancy-unlabelled");
        Options options = Options.parse(args, defaults);
        int tenants = options.integer("tenants");
        List<String> variants = options.list("variants");
        System.out.println("Checkout cost: " + options);
        System.out.println("Machine: " + Machine.describe());
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track_planning", "on")
                .start()) {
            createTables(postgres, tenants);
            for (int round = 1; round <= options.integer("rounds"); round++) {
                for (String variant : variants) {
                    measure(postgres, variant, round, tenants, options.integer("pool"), options.integer("reads"));
                }
            }
        }
    }

    private static void createTables(EmbeddedPostgres postgres, int tenants) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION pg_stat_statements");
            for (int tenant = -1; tenant < tenants; tenant++) {
                String schema = tenant < 0 ? "public" : "\"tenant_" + tenant + "\"";
                statement.execute((tenant < 0 ? "" : "CREATE SCHEMA " + schema + "; ") + "CREATE TABLE " + schema
                        + ".items (id bigint PRIMARY KEY, name text NOT NULL); INSERT INTO " + schema
                        + ".items SELECT n, 'item ' || n FROM generate_series(1, 100) n");
            }
            statement.execute("VACUUM ANALYZE");
        }
    }

    private static void measure(EmbeddedPostgres postgres, String variant, int round, int tenants, int poolSize,
            int reads) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setDataSource(postgres.getPostgresDatabase());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Checkout checkout = checkout(variant, pool);
            int spread = variant.equals("tenancy") || variant.equals("tenancy-unlabelled") ? tenants : 1;
            Random random = new Random(42);
            read(checkout, random, spread, reads / 2);
            CpuMeter cpu;
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_stat_statements_reset()");
                try (ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
                    pid.next();
                    cpu = CpuMeter.forPostgresBackend(pid.getLong(1));
                }
            }
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long thread = Thread.currentThread().getId();
            CpuMeter.Sample before = cpu.sample(ProcessHandle.current().pid());
            long threadCpu = threads.getCurrentThreadCpuTime();
            long allocated = threads.getThreadAllocatedBytes(thread);
            read(checkout, random, spread, reads);
            double threadCpuMicros = (threads.getCurrentThreadCpuTime() - threadCpu) / 1000.0 / reads;
            double bytes = (double) (threads.getThreadAllocatedBytes(thread) - allocated) / reads;
            CpuMeter.Sample used = cpu.sample(ProcessHandle.current().pid()).minus(before);
            System.out.printf("RESULT checkout-cost variant=%s round=%d tenants=%d reads=%d thread_cpu_us=%.1f "
                    + "thread_bytes=%.0f postgres_cpu_us=%.1f%n", variant, round, spread, reads, threadCpuMicros,
                    bytes, used.postgres() * 1e6 / reads);
            printStatements(pool);
        }
    }

    /** Hands out a connection for a tenant, the variant's way. */
    @FunctionalInterface
    private interface Checkout {
        Connection open(SchemaName tenant) throws SQLException;
    }

    private static Checkout checkout(String variant, HikariDataSource pool) {
        return switch (variant) {
            case "untenanted" -> tenant -> pool.getConnection();
            case "set-only" -> tenant -> {
                Connection connection = pool.getConnection();
                try (Statement set = connection.createStatement()) {
                    set.execute("SET search_path TO public");
                }
                return connection;
            };
            case "tenancy", "tenancy-one", "tenancy-unlabelled" -> {
                TenantAwareDataSource dataSource = TenantAwareDataSource.builder(pool)
                        .labelStatements(!variant.equals("tenancy-unlabelled")).build();
                yield dataSource::getConnection;
            }
            default -> throw new IllegalArgumentException("Unknown variant '" + variant
                    + "'; use untenanted, set-only, tenancy-one, tenancy or tenancy-unlabelled.");
        };
    }

    /** Checks out a connection, reads one random item of a random tenant and returns it, {@code reads} times. */
    private static void read(Checkout checkout, Random random, int tenants, int reads) throws SQLException {
        for (int read = 0; read < reads; read++) {
            SchemaName tenant = SchemaName.of("tenant_" + random.nextInt(tenants));
            try (Connection connection = checkout.open(tenant);
                    PreparedStatement select = connection.prepareStatement(READ)) {
                select.setLong(1, 1 + random.nextInt(100));
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        throw new IllegalStateException("No item read in " + tenant);
                    }
                }
            }
        }
    }

    /** Per statement (tenants' labels folded together): calls, plans, and planning and execution time per call. */
    private static void printStatements(HikariDataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT regexp_replace(query, '/\\* tenant_[0-9]+ \\*/ ', "
                        + "'/* <tenant> */ ') AS text, sum(calls), sum(plans), sum(total_plan_time) * 1000 / sum(calls),"
                        + " sum(total_exec_time) * 1000 / sum(calls) FROM pg_stat_statements WHERE query !~ "
                        + "'pg_stat_statements|pg_backend_pid' GROUP BY 1 ORDER BY 2 DESC LIMIT 4")) {
            while (rows.next()) {
                System.out.printf("    %s: calls=%d plans=%d plan_us_per_call=%.2f exec_us_per_call=%.2f%n",
                        rows.getString(1).replaceAll("\\s+", " "), rows.getLong(2), rows.getLong(3),
                        rows.getDouble(4), rows.getDouble(5));
            }
        }
    }
}
