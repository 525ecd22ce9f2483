package dev.tenancy.benchmarks.http;

import dev.tenancy.benchmarks.harness.CpuMeter;
import dev.tenancy.benchmarks.harness.Machine;
import dev.tenancy.benchmarks.harness.Options;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.jdbc.TenantAwareDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * How often PostgreSQL plans the same primary-key read when a small pool serves many tenants, with Tenancy's
 * statement labels on and off: each read checks out a tenant connection for a random tenant, reads one row with a
 * prepared statement and returns the connection, single-threaded, after half as many reads to warm up. The counts
 * come from {@code pg_stat_statements} ({@code calls} and {@code plans}, with {@code track_planning}), so this
 * program starts an embedded PostgreSQL of its own with the extension preloaded. Beside them: the wall time per
 * read, the CPU time per read of this JVM and of PostgreSQL (from {@code /proc}), which depends less on what else the
 * machine is doing, and the memory the cached plans take in one pooled connection's backend
 * ({@code pg_backend_memory_contexts}).
 *
 * <p>Arguments (all optional): {@code --tenants=100 --pool=4 --reads=20000 --labels=off,on}.
 */
public final class PlanCountBenchmark {

    private static final String READ = "SELECT id, name FROM items WHERE id = ?";

    private PlanCountBenchmark() {
    }

    /** Reads one random item of a random tenant, {@code reads} times, each through a connection of its own. */
    private static void read(TenantAwareDataSource dataSource, Random random, int tenants, int reads)
            throws SQLException {
        for (int read = 0; read < reads; read++) {
            SchemaName tenant = SchemaName.of("tenant_" + random.nextInt(tenants));
            try (Connection connection = dataSource.getConnection(tenant);
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

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("tenants", "100");
        defaults.put("pool", "4");
        defaults.put("reads", "20000");
        defaults.put("labels", "off,on");
        Options options = Options.parse(args, defaults);
        int tenants = options.integer("tenants");
        System.out.println("Plan count: " + options);
        System.out.println("Machine: " + Machine.describe());
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track_planning", "on")
                .start()) {
            createTenants(postgres, tenants);
            for (String labels : options.list("labels")) {
                measure(postgres, labels.equals("on"), tenants, options.integer("pool"), options.integer("reads"));
            }
        }
    }

    private static void createTenants(EmbeddedPostgres postgres, int tenants) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION pg_stat_statements");
            for (int tenant = 0; tenant < tenants; tenant++) {
                String schema = "\"tenant_" + tenant + "\"";
                statement.execute("CREATE SCHEMA " + schema + "; CREATE TABLE " + schema
                        + ".items (id bigint PRIMARY KEY, name text NOT NULL); INSERT INTO " + schema
                        + ".items SELECT n, 'item ' || n FROM generate_series(1, 100) n");
            }
        }
    }

    private static void measure(EmbeddedPostgres postgres, boolean labels, int tenants, int poolSize, int reads)
            throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setDataSource(postgres.getPostgresDatabase());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            TenantAwareDataSource dataSource = TenantAwareDataSource.builder(pool).labelStatements(labels).build();
            Random random = new Random(42);
            read(dataSource, random, tenants, reads / 2);
            CpuMeter cpu;
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_stat_statements_reset()");
                try (ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
                    pid.next();
                    cpu = CpuMeter.forPostgresBackend(pid.getLong(1));
                }
            }
            long self = ProcessHandle.current().pid();
            CpuMeter.Sample before = cpu.sample(self);
            long started = System.nanoTime();
            read(dataSource, random, tenants, reads);
            double micros = (System.nanoTime() - started) / 1000.0 / reads;
            CpuMeter.Sample used = cpu.sample(self).minus(before);
            double planMemoryKb;
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                    ResultSet memory = statement.executeQuery("SELECT coalesce(sum(total_bytes), 0) / 1024.0 "
                            + "FROM pg_backend_memory_contexts WHERE name LIKE 'CachedPlan%'")) {
                memory.next();
                planMemoryKb = memory.getDouble(1);
            }
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                    ResultSet counts = statement.executeQuery("SELECT sum(calls), sum(plans) FROM pg_stat_statements"
                            + " WHERE query LIKE '%FROM items WHERE id = $1'")) {
                counts.next();
                System.out.printf("RESULT plan-count labels=%s tenants=%d pool=%d reads=%d calls=%d plans=%d "
                        + "us_per_read=%.1f cpu_us_per_read: java %.1f + postgres %.1f; "
                        + "plan_memory_per_backend_kb=%.0f%n", labels ? "on" : "off", tenants, poolSize, reads,
                        counts.getLong(1), counts.getLong(2), micros, used.server() * 1e6 / reads,
                        used.postgres() * 1e6 / reads, planMemoryKb);
            }
        }
    }
}
