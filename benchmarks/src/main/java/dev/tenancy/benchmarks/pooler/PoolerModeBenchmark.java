package dev.tenancy.benchmarks.pooler;

import dev.tenancy.benchmarks.harness.Machine;
import dev.tenancy.benchmarks.harness.Options;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantScope;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestPgBouncer;
import dev.tenancy.test.postgres.TestPostgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the transaction-pooling mode costs per unit of work against the default mode. Three set-ups, each a HikariCP
 * pool of 4 connections wrapped by a {@link TenantAwareDataSource}, with 20 tenants taken in turn:
 * <ul>
 *   <li>{@code session-direct}: the default mode, straight to the tests' PostgreSQL;</li>
 *   <li>{@code transaction-direct}: the transaction-pooling mode on the same path (the mode's own cost);</li>
 *   <li>{@code transaction-pgbouncer}: that mode through a PgBouncer of its own in transaction mode with 4 server
 *       connections (the mode as deployed, the pooler's hop included).</li>
 * </ul>
 * The default mode cannot be measured behind that PgBouncer: its transactions run on server connections whose path
 * it never set, and fail with "relation does not exist" or read another tenant's rows ({@code BehindPgBouncerTest}).
 * All three use {@code prepareThreshold=0} (PgBouncer before 1.21 needs it), so they differ only in the mode and the
 * hop.
 *
 * <p>Two units of work, each run by one thread: {@code auto-commit-read} checks a connection out, reads one row by
 * primary key with auto-commit on and gives it back; {@code transaction} checks out, turns auto-commit off, reads two
 * rows and commits. The machine is shared, so the set-ups take turns: every round runs each set-up's {@code ops}
 * units back to back, in a rotated order, and the median of the rounds' mean times is reported.
 *
 * <pre>
 * java -cp ... dev.tenancy.benchmarks.pooler.PoolerModeBenchmark --rounds=7 --ops=2000
 * </pre>
 */
public final class PoolerModeBenchmark {

    private static final int TENANTS = 20;
    private static final String READ = "SELECT id, body FROM notes WHERE id = ?";
    private static final List<String> SETUPS = List.of("session-direct", "transaction-direct", "transaction-pgbouncer");
    private static final List<String> WORK = List.of("auto-commit-read", "transaction");

    private PoolerModeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, Map.of("rounds", "7", "ops", "2000"));
        int rounds = options.integer("rounds");
        int ops = options.integer("ops");
        System.out.println("Pooler mode benchmark " + options + " on " + Machine.describe());
        try (TestDatabase database = TestPostgres.server().createDatabase("pooler_benchmark");
             TestPgBouncer bouncer = TestPgBouncer.start(TestPostgres.server(), 4)) {
            SchemaName[] tenants = createTenants(database);
            Map<String, HikariDataSource> pools = new LinkedHashMap<>();
            Map<String, TenantAwareDataSource> dataSources = new LinkedHashMap<>();
            try {
                for (String setup : SETUPS) {
                    HikariDataSource pool = pool(setup.endsWith("pgbouncer") ? bouncer.jdbcUrl(database.name())
                            : withUnnamedStatements(database.jdbcUrl()), database, setup);
                    pools.put(setup, pool);
                    dataSources.put(setup, TenantAwareDataSource.builder(pool)
                            .transactionPooling(setup.startsWith("transaction")).build());
                }
                Map<String, double[]> micros = new LinkedHashMap<>();
                for (int round = 0; round < rounds; round++) {
                    for (int i = 0; i < SETUPS.size(); i++) {
                        String setup = SETUPS.get((round + i) % SETUPS.size());
                        for (String work : WORK) {
                            double mean = meanMicros(dataSources.get(setup), tenants, work, ops);
                            micros.computeIfAbsent(setup + " " + work, key -> new double[rounds])[round] = mean;
                        }
                    }
                }
                for (String work : WORK) {
                    double reference = median(micros.get("session-direct " + work));
                    for (String setup : SETUPS) {
                        double median = median(micros.get(setup + " " + work));
                        System.out.printf(Locale.ROOT, "RESULT pooler-mode work=%s setup=%s us_per_op=%.0f "
                                + "vs_default=%+.0f us (%.2fx) rounds=%s%n", work, setup, median, median - reference,
                                median / reference, round(micros.get(setup + " " + work)));
                    }
                }
                System.out.println("PgBouncer " + bouncer.version() + ", load average after: " + Machine.loadAverage());
            } finally {
                pools.values().forEach(HikariDataSource::close);
            }
        }
    }

    private static double meanMicros(TenantAwareDataSource dataSource, SchemaName[] tenants, String work, int ops)
            throws SQLException {
        long started = System.nanoTime();
        for (int op = 0; op < ops; op++) {
            try (TenantScope ignored = Tenants.enter(tenants[op % tenants.length]);
                 Connection connection = dataSource.getConnection()) {
                if (work.equals("transaction")) {
                    connection.setAutoCommit(false);
                    read(connection, 1);
                    read(connection, 2);
                    connection.commit();
                    connection.setAutoCommit(true);
                } else {
                    read(connection, 1);
                }
            }
        }
        return (System.nanoTime() - started) / 1000.0 / ops;
    }

    private static void read(Connection connection, int id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(READ)) {
            statement.setInt(1, id);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("Row " + id + " is missing");
                }
            }
        }
    }

    private static SchemaName[] createTenants(TestDatabase database) throws SQLException {
        SchemaName[] tenants = new SchemaName[TENANTS];
        try (Connection connection = database.openConnection(); Statement statement = connection.createStatement()) {
            for (int i = 0; i < TENANTS; i++) {
                tenants[i] = SchemaName.of("tenant_" + i);
                statement.execute("CREATE SCHEMA " + tenants[i].quoted() + "; CREATE TABLE " + tenants[i].quoted()
                        + ".notes (id int PRIMARY KEY, body text); INSERT INTO " + tenants[i].quoted()
                        + ".notes VALUES (1, 'note'), (2, 'other note')");
            }
        }
        return tenants;
    }

    private static String withUnnamedStatements(String jdbcUrl) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "prepareThreshold=0";
    }

    private static HikariDataSource pool(String jdbcUrl, TestDatabase database, String setup) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(4);
        config.setPoolName("pooler-" + setup);
        return new HikariDataSource(config);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static List<Long> round(double[] values) {
        List<Long> rounded = new ArrayList<>();
        for (double value : values) {
            rounded.add(Math.round(value));
        }
        return rounded;
    }
}
