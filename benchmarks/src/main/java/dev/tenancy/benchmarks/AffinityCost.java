package dev.tenancy.benchmarks;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantScope;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestPostgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

/**
 * What tenant affinity saves (issue 18), in round trips and CPU rather than throughput alone (which a shared
 * machine's load drowns): {@code threads} threads share a HikariCP pool of {@code pool} connections (by default as
 * many as threads: never saturated, but with no connection to spare), each
 * unit a checkout through {@link TenantAwareDataSource} plus one read by primary key, the tenant drawn uniformly or
 * from a Zipf distribution (s = 1.1) over {@code tenants}. Blocks alternate between the data source without and with
 * {@code tenantAffinity(100 ms, 1 s)}, each on a pool of its own; per block: {@code set_config} calls per unit, the
 * CPU of the pool's PostgreSQL backends ({@code /proc}, so PostgreSQL must run on this machine) and of the whole
 * client JVM per unit, and wall time per unit. Last, what a pool per tenant would pay on each miss instead of a
 * {@code set_config}: the median wall time of opening a new connection and running one read on it.
 *
 * <p>Arguments: {@code [tenants=100] [units=20000] [blocks=3] [threads=4] [distribution=zipf|uniform] [pool=threads]}.
 */
public final class AffinityCost {

    private AffinityCost() {
    }

    public static void main(String[] args) throws Exception {
        int tenants = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int units = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int blocks = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        boolean zipf = args.length <= 4 || args[4].equals("zipf");
        int poolSize = args.length > 5 ? Integer.parseInt(args[5]) : threads;
        try (TestDatabase database = TestPostgres.server().createDatabase("affinity_cost");
             HikariDataSource plainPool = pool(database, poolSize);
             HikariDataSource affinePool = pool(database, poolSize)) {
            SchemaName[] schemas = new SchemaName[tenants];
            try (Connection connection = plainPool.getConnection(); Statement statement = connection.createStatement()) {
                for (int i = 0; i < tenants; i++) {
                    schemas[i] = SchemaName.of("tenant_" + i);
                    statement.execute("CREATE SCHEMA " + schemas[i].quoted() + "; CREATE TABLE " + schemas[i].quoted()
                            + ".notes (id int PRIMARY KEY, body text); INSERT INTO " + schemas[i].quoted()
                            + ".notes VALUES (1, 'note')");
                }
            }
            int[] draws = zipf ? CheckoutBenchmark.zipf(tenants, 1.1, units, new Random(18)) : uniform(tenants, units);
            List<TenantAwareDataSource> variants = List.of(TenantAwareDataSource.wrap(plainPool),
                    TenantAwareDataSource.builder(affinePool)
                            .tenantAffinity(Duration.ofMillis(100), Duration.ofSeconds(1)).build());
            long[][] backends = {backends(plainPool, poolSize), backends(affinePool, poolSize)};
            System.out.printf(Locale.ROOT, "tenants=%d %s units=%d threads=%d pool=%d%n", tenants,
                    zipf ? "zipf(1.1)" : "uniform", units, threads, poolSize);
            System.out.println("block  variant    set_config/unit  PostgreSQL us/unit  client us/unit  wall us/unit  load");
            for (int block = 0; block < blocks * 2; block++) {
                int variant = block % 2;
                TenantAwareDataSource dataSource = variants.get(variant);
                long changes = dataSource.searchPathChanges();
                long pg = ticks(backends[variant]);
                long client = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                        .getProcessCpuTime();
                long wall = System.nanoTime();
                run(dataSource, schemas, draws, threads);
                double perUnit = 1.0 / units;
                System.out.printf(Locale.ROOT, "RESULT affinity-cost block=%d variant=%-8s set_config=%.3f pg_us=%.1f "
                                + "client_us=%.1f wall_us=%.1f load=%s%n", block / 2 + 1,
                        variant == 0 ? "plain" : "affine", (dataSource.searchPathChanges() - changes) * perUnit,
                        (ticks(backends[variant]) - pg) * 1e4 * perUnit,
                        (ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                                .getProcessCpuTime() - client) / 1e3 * perUnit,
                        (System.nanoTime() - wall) / 1e3 * perUnit,
                        Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            }
            System.out.printf(Locale.ROOT, "RESULT connect-and-read median_us=%.0f (a pool per tenant's miss)%n",
                    connectAndRead(database, schemas[0], 200));
        }
    }

    private static int[] uniform(int tenants, int units) {
        Random random = new Random(18);
        int[] draws = new int[units];
        Arrays.setAll(draws, i -> random.nextInt(tenants));
        return draws;
    }

    /** Runs the units over {@code threads} threads, thread t taking units t, t + threads, ... */
    private static void run(TenantAwareDataSource dataSource, SchemaName[] schemas, int[] draws, int threads)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int first = t;
            Thread worker = new Thread(() -> {
                try {
                    for (int unit = first; unit < draws.length; unit += threads) {
                        readOne(dataSource, schemas[draws[unit]]);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            });
            worker.start();
        }
        done.await();
    }

    private static double connectAndRead(TestDatabase database, SchemaName schema, int times) throws SQLException {
        long[] micros = new long[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                    database.password()); Statement statement = connection.createStatement()) {
                statement.execute("SET search_path TO " + schema.quoted());
                statement.executeQuery("SELECT body FROM notes WHERE id = 1").close();
            }
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(micros);
        return micros[times / 2];
    }

    private static HikariDataSource pool(TestDatabase database, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setMaxLifetime(Duration.ofMinutes(30).toMillis());
        return new HikariDataSource(config);
    }

    /** The backend pids of every connection of the pool, all held at once. */
    private static long[] backends(HikariDataSource pool, int size) throws SQLException {
        List<Connection> held = new ArrayList<>();
        long[] pids = new long[size];
        try {
            for (int i = 0; i < size; i++) {
                Connection connection = pool.getConnection();
                held.add(connection);
                try (Statement statement = connection.createStatement();
                     ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
                    pid.next();
                    pids[i] = pid.getLong(1);
                }
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        return pids;
    }

    private static void readOne(TenantAwareDataSource dataSource, SchemaName schema) throws SQLException {
        try (TenantScope ignored = Tenants.enter(schema); Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT body FROM notes WHERE id = ?")) {
            select.setInt(1, 1);
            try (ResultSet row = select.executeQuery()) {
                row.next();
            }
        }
    }

    /** utime + stime of the processes, in clock ticks (1/100 s); a process that is gone counts nothing. */
    private static long ticks(long[] pids) throws Exception {
        long sum = 0;
        for (long pid : pids) {
            Path stat = Path.of("/proc/" + pid + "/stat");
            if (Files.exists(stat)) {
                String text = Files.readString(stat);
                String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
                sum += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            }
        }
        return sum;
    }
}
